#!/usr/bin/env bash
# Writes demo-password-hashes.json (login -> bcrypt hash, cost 10) for the demo ERP seed.
# Hashes come from reference implementations only: python3-bcrypt for $2a$ and $2b$,
# Apache htpasswd for $2y$. Salts are random, so every run gives new hashes.
#
# Every password is "papercut-demo", except:
#   ahernandez  " two  spaces "  (leading, double and trailing space)
#   jmueller    "pässwörd"       (UTF-8)
set -euo pipefail
cd "$(dirname "$0")"

DEFAULT_PASSWORD='papercut-demo'

# bcrypt PREFIX PASSWORD: prints the hash.
bcrypt() {
  case "$1" in
    2a | 2b)
      /usr/bin/python3 -c '
import bcrypt, os, sys
salt = bcrypt.gensalt(rounds=10, prefix=sys.argv[1].encode())
print(bcrypt.hashpw(os.fsencode(sys.argv[2]), salt).decode())' "$1" "$2" ;;
    2y) htpasswd -nbBC 10 demo "$2" | head -n 1 | cut -d : -f 2- ;;
    *) echo "unknown bcrypt prefix: $1" >&2; return 1 ;;
  esac
}

# user LOGIN PREFIX [PASSWORD]: prints LOGIN, PREFIX, PASSWORD and hash, tab-separated.
user() {
  local password="${3-$DEFAULT_PASSWORD}"
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$password" "$(bcrypt "$2" "$password")"
}

{
  user JSmith 2a
  user mwisniewska 2b
  user bodegard 2y
  user "o'brien" 2y
  user jmueller 2a 'pässwörd'
  user zzoltowski 2a
  user rjones 2b
  user ytanaka 2b
  user wzhang 2y
  user MBrown 2b
  user aivanova 2a
  user pdabrowski 2b
  user ivirtanen 2b
  user rsingh 2b
  user kwatanabe 2y
  user astrom 2b
  user rfernandez 2b
  user klundberg 2b
  user cdubois 2b
  user fleclerc 2b
  user gpapadopoulos 2b
  user mbrown 2a
  user DWilliams 2b
  user tnguyen 2b
  user mjohansson 2b
  user zgrabowska 2b
  user cthompson 2b
  user lrossi 2b
  user lmurphy 2b
  user akowalczyk 2b
  user jlarsen 2b
  user tmoreau 2b
  user emartin 2b
  user twojcik 2b
  user ewilson 2b
  user ebjork 2b
  user kanderson 2y
  user msorensen 2b
  user ochukwu 2b
  user pnowak 2b
  user hali 2b
  user SLee 2b
  user hschmidt 2y
  user sbernard 2b
  user ahernandez 2b ' two  spaces '
  user gmorgan 2b
  user BTaylor 2y
  user hkarlsson 2b
  user rpatel 2b
} | /usr/bin/python3 -c '
# Check every hash against its password and prefix, then write sorted JSON.
import bcrypt, json, sys
hashes = {}
for line in sys.stdin.buffer.read().decode().splitlines():
    login, prefix, password, hashed = line.split("\t")
    assert login not in hashes, f"duplicate login {login}"
    assert hashed.startswith(f"${prefix}$10$"), f"{login}: unexpected hash {hashed}"
    assert bcrypt.checkpw(password.encode(), hashed.encode()), f"{login}: hash does not verify"
    hashes[login] = hashed
with open("demo-password-hashes.json", "w", encoding="utf-8") as out:
    json.dump(hashes, out, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")
print(f"wrote {len(hashes)} hashes", file=sys.stderr)'
