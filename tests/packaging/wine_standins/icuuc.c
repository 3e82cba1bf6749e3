/* Test-only stand-in for Windows' icuuc.dll (Windows 10 1903+), which Wine 8 lacks and Qt 6's
 * QtCore imports for its text codecs. Opening a converter fails, so Qt falls back to its own
 * UTF-8/UTF-16/Latin-1 codecs; every other function is only reached with an open converter.
 * Never shipped: it goes into the test Wine prefix's system32 only. */
#include <stddef.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

__declspec(dllexport) void *ucnv_open(const char *name, UErrorCode *err) { (void)name; if (err) *err = U_FILE_ACCESS_ERROR; return NULL; }
__declspec(dllexport) void ucnv_close(void *cnv) { (void)cnv; }
__declspec(dllexport) int ucnv_countAvailable(void) { return 0; }
__declspec(dllexport) const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
__declspec(dllexport) const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) { (void)name; (void)standard; (void)err; return NULL; }
__declspec(dllexport) const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return NULL; }
__declspec(dllexport) signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 4; }
__declspec(dllexport) void ucnv_reset(void *cnv) { (void)cnv; }
__declspec(dllexport) int ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
__declspec(dllexport) int ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
__declspec(dllexport) void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int *o, signed char f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
__declspec(dllexport) void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int *o, signed char f, UErrorCode *err) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; if (err) *err = U_FILE_ACCESS_ERROR; }
__declspec(dllexport) void ucnv_getFromUCallBack(const void *c, void **action, const void **context) { (void)c; if (action) *action = NULL; if (context) *context = NULL; }
__declspec(dllexport) void ucnv_getToUCallBack(const void *c, void **action, const void **context) { (void)c; if (action) *action = NULL; if (context) *context = NULL; }
__declspec(dllexport) void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; (void)o; (void)oc; (void)err; }
__declspec(dllexport) void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { (void)c; (void)n; (void)nc; (void)o; (void)oc; (void)err; }
__declspec(dllexport) void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int offset, UErrorCode *err) { (void)args; (void)source; (void)limit; (void)offset; (void)err; }
__declspec(dllexport) void ucnv_cbToUWriteUChars(void *args, const void *source, int length, int offset, UErrorCode *err) { (void)args; (void)source; (void)length; (void)offset; (void)err; }
__declspec(dllexport) void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
__declspec(dllexport) void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
