/* For the tests only, never shipped: Wine 8 has no bcryptprimitives.dll,
 * whose ProcessPrng the Windows build of @node-rs/argon2 imports (Windows 10
 * and later have it). Put beside that addon in the test's copy of the
 * release, this DLL gives it, from RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
  while (size) {
    ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
    if (!RtlGenRandom(data, chunk)) return FALSE;
    data += chunk;
    size -= chunk;
  }
  return TRUE;
}
