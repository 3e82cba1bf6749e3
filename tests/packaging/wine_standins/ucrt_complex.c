/* Test-only stand-in for the C99 complex accessors that Wine 8's ucrtbase leaves as stubs
 * (crealf, creall, cimagf, ...): NumPy 2 calls them while it imports, which aborts under Wine.
 * This file becomes a native ucrtbase.dll for the Wine prefix whose other ~2,500 exports are
 * forwarded to Wine's own ucrtbase (copied as wineucrt.dll, see build.sh). MSVC's complex types
 * are structs: 8 bytes (_Fcomplex) go in a register, 16 bytes (_Dcomplex, _Lcomplex, where
 * long double is double) by reference, as mingw passes these structs. Never shipped. */

typedef struct { float v[2]; } fcomplex;
typedef struct { double v[2]; } dcomplex;

__declspec(dllexport) float crealf(fcomplex z) { return z.v[0]; }
__declspec(dllexport) float cimagf(fcomplex z) { return z.v[1]; }
__declspec(dllexport) double creal(dcomplex z) { return z.v[0]; }
__declspec(dllexport) double cimag(dcomplex z) { return z.v[1]; }
__declspec(dllexport) double creall(dcomplex z) { return z.v[0]; }
__declspec(dllexport) double cimagl(dcomplex z) { return z.v[1]; }
