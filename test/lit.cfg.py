# -*- Python -*-
# lit configuration for Allo C++ (FileCheck tests of IR, emitted code and diagnostics).
import os
import lit.formats

config.name = "AlloCpp"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".cpp", ".mlir", ".test"]
config.excludes = ["Inputs", "Execution", "unit", "bench", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.allo_obj_root, "test")

# Our tools first, then LLVM's FileCheck/not/count.
config.environment["PATH"] = os.pathsep.join(
    [config.allo_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.substitutions.append(("%allo_include", config.allo_include_dir))
import sys
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%allo_plugin", config.allo_plugin))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%mlir_opt", os.path.join(config.llvm_tools_dir, "mlir-opt")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
