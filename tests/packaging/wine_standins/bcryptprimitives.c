/* Test-only stand-in for bcryptprimitives.dll, absent from Wine 8: Rust's standard library (since
 * 1.78) takes random bytes from its ProcessPrng, and pydantic_core, which the console's operations
 * use, is built with it. Windows 10 and later have it. The bytes come from advapi32's RtlGenRandom
 * (SystemFunction036). In the desk prefix's system32 only; never shipped. */
typedef unsigned char BOOLEAN;
__declspec(dllimport) BOOLEAN __stdcall SystemFunction036(void *buffer, unsigned long length);

__declspec(dllexport) int __stdcall ProcessPrng(unsigned char *data, unsigned long long length) {
    while (length) {
        unsigned long part = length > 0x10000000ULL ? 0x10000000UL : (unsigned long)length;
        if (!SystemFunction036(data, part)) return 0;
        data += part;
        length -= part;
    }
    return 1;
}
