//===- WriteFile.cpp - Writing outputs atomically ---------------------------===//
#include "allo/Support/WriteFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

std::string allo::writeFileAtomically(llvm::StringRef path, llvm::StringRef text) {
  auto problem = [&](const std::string &why) {
    return "cannot write '" + path.str() + "': " + why;
  };
  if (path == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    return llvm::outs().has_error() ? problem(llvm::outs().error().message()) : "";
  }
  llvm::sys::fs::file_status st;
  if (!llvm::sys::fs::status(path, st) && llvm::sys::fs::exists(st) &&
      !llvm::sys::fs::is_regular_file(st)) {
    // /dev/null, a FIFO, /dev/stdout: nothing to rename over.
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    if (ec)
      return problem(ec.message());
    os << text;
    os.close();
    if (os.has_error()) {
      std::string why = os.error().message();
      os.clear_error();
      return problem(why);
    }
    return "";
  }
  llvm::SmallString<256> tmp;
  int fd;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, tmp))
    return problem(ec.message());
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << text;
    os.close();
    if (os.has_error()) {
      std::string why = os.error().message();
      os.clear_error();
      llvm::sys::fs::remove(tmp);
      return problem(why);
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(tmp, path)) {
    llvm::sys::fs::remove(tmp);
    return problem(ec.message());
  }
  return "";
}
