// Structs outside the subset: each is a located error naming the real cause
// (not "arrays need constant sizes" for an array of them).
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

union U {
  int i;
  float f;
};
struct Bits {
  unsigned a : 3;
  unsigned b : 5;
};
struct Base {
  int x;
};
struct Derived : Base {
  int y;
};
template <typename T> struct Box {
  T v;
};
struct Pair {
  int a, b;
  int sum() const { return a + b; }
};
struct Ctor {
  int a;
  Ctor(int x) : a(x) {}
};
struct WithArray {
  int v[2];
};
struct Assign {
  int a;
  Assign &operator=(const Assign &o) {
    a = o.a + 1;
    return *this;
  }
};

// CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:37: error: parameter 'u': type 'U' is not supported: unions are not raised
[[allo::kernel]] void union_param(U u) {}

// CHECK-DAG: diag-structs.cpp:[[@LINE+2]]:8: error: local 'b': type 'Bits[4]' is not supported: field 'a' of 'Bits' is a bit-field (use ap_uint<W> instead)
[[allo::kernel]] void bit_fields(int A[4]) {
  Bits b[4];
  A[0] = b[0].a;
}

// CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:43: error: parameter 'd': type 'Derived *' is not supported: struct 'Derived' has a base class (make the base a member)
[[allo::kernel]] void base_class(Derived *d) {}

// CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:48: error: parameter 'b': type 'Box<int>' is not supported: struct templates are not raised yet (use a plain struct)
[[allo::kernel]] void template_struct(Box<int> b) {}

[[allo::kernel]] void member_call(Pair p, int A[4]) {
  // CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:10: error: unsupported: call to member function 'Pair::sum' (the data of structs is raised, their member functions are not: write a free function taking the struct)
  A[0] = p.sum();
}

[[allo::kernel]] void user_ctor(int A[4]) {
  // CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:8: error: unsupported: the constructor 'Ctor::Ctor' (only structs initialised with braces or copied are raised; write 'S{a, b}' instead)
  Ctor c(3);
  A[0] = c.a;
}

// CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:18: error: return type of 'array_return': struct 'WithArray' has an array field ('v[]'); return it through a reference parameter instead
[[allo::kernel]] WithArray array_return(int x) { return WithArray{{x, x}}; }

[[allo::kernel]] void user_assign(Assign A[2]) {
  // CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:3: error: unsupported: the assignment operator 'Assign::operator=' is user-provided (only the implicit one is raised)
  A[0] = A[1];
}

[[allo::kernel]] void static_struct(int A[4]) {
  // CHECK-DAG: diag-structs.cpp:[[@LINE+1]]:15: error: unsupported: static variable 'p' of struct type 'Pair' (structs are raised as locals, parameters and results; static and global structs are not raised yet)
  static Pair p = {1, 2};
  A[0] = p.a;
}

// CHECK-NOT: error:
// CHECK: 9 errors generated.
