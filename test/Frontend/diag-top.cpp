// --top names a function defined in the file; an unknown name is an error
// with a did-you-mean, every unknown name is reported, and nothing is written.
// RUN: rm -f %t
// RUN: not allo-rewrite %s --top kernal_a -o %t -- -std=c++17 2>&1 | FileCheck %s --check-prefix=TYPO
// RUN: not test -e %t
// TYPO: error: --top: no function named 'kernal_a' is defined in this file; did you mean 'kernel_a'?
// TYPO: 1 error generated.

// RUN: not allo-rewrite %s --top kernal_a --top zzzzzzzz --top other -o %t -- -std=c++17 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not test -e %t
// TWO: error: --top: no function named 'kernal_a' is defined in this file; did you mean 'kernel_a'?
// TWO-NEXT: error: --top: no function named 'zzzzzzzz' is defined in this file{{$}}
// TWO-NEXT: 2 errors generated.

// A qualified name selects a function in a namespace.
// RUN: allo-rewrite %s --top ns::inner -- -std=c++17 | FileCheck %s --check-prefix=QUAL
// QUAL: func.func @inner(
// QUAL-SAME: allo.top
// QUAL-NOT: func.func

void kernel_a(int A[4]) { A[0] = 1; }
void other(int A[4]) { A[0] = 2; }
namespace ns {
void inner(int A[4]) { A[0] = 3; }
} // namespace ns
