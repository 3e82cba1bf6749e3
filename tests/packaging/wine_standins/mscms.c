/* Test-only stand-in for mscms.dll: Wine 8 leaves WcsCreateIccProfile unimplemented (calling it
 * aborts), and Qt's Windows platform plugin calls it for the screen's colour profile. Failing
 * the call makes Qt use sRGB. Loaded with WINEDLLOVERRIDES=mscms=n; never shipped. */
#include <stddef.h>

__declspec(dllexport) void *WcsCreateIccProfile(void *profile, unsigned long intent) { (void)profile; (void)intent; return NULL; }
__declspec(dllexport) int CloseColorProfile(void *profile) { (void)profile; return 1; }
__declspec(dllexport) void *OpenColorProfileW(void *profile, unsigned long access, unsigned long share, unsigned long creation) { (void)profile; (void)access; (void)share; (void)creation; return NULL; }
__declspec(dllexport) int GetColorProfileFromHandle(void *profile, unsigned char *buffer, unsigned long *size) { (void)profile; (void)buffer; if (size) *size = 0; return 0; }
