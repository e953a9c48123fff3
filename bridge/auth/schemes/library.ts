// The hash libraries that are native addons (bcrypt, @node-rs/argon2) load on
// first use. One that cannot load (its file missing, or on Windows the Visual
// C++ runtime it needs) is not the stored hash's fault: said as such.

export class LibraryUnavailable extends Error {}

export function loadLibrary<T>(name: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new LibraryUnavailable(`${name} cannot be loaded: ${(error as Error).message}`, { cause: error });
  }
}
