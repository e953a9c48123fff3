#!/usr/bin/python3
"""The peer `npm run bench` times the bridge against: a plain Python script
doing the same single lookup with the database's usual Python driver (Debian's
sqlite3, psycopg2, pymysql), printing the same line, with none of the bridge's
checks. Settings from the same environment as the bridge, and the columns
of papercut_users in the bridge's order from BENCH_USER_COLUMNS:

  bench-peer.py user NAME           the user's line (get-user-details)
  bench-peer.py member GROUP NAME   Y or N (is-user-in-group)
  bench-peer.py login NAME PASSWORD OK and the name, or ERROR, against a crypt(3) hash
"""
import os
import sys
import warnings
from urllib.parse import unquote, urlparse

COLUMNS = os.environ["BENCH_USER_COLUMNS"]
dialect = os.environ["BRIDGE_DB_CLIENT"]
url = os.environ["BRIDGE_DB_URL"]
schema = os.environ.get("BRIDGE_DB_SCHEMA")


def connect():
    if dialect == "sqlite":
        import sqlite3
        return sqlite3.connect(f"file:{url}?mode=ro", uri=True), "?", "{} = {} COLLATE NOCASE"
    parts = urlparse(url)
    login = dict(host=parts.hostname, port=parts.port, user=unquote(parts.username or ""),
                 password=unquote(parts.password or ""))
    if dialect == "pg":
        import psycopg2
        options = f"-c search_path={schema}" if schema else None
        return (psycopg2.connect(dbname=parts.path[1:], options=options, **login), "%s",
                "lower({}) = lower({})")
    import pymysql
    return pymysql.connect(database=parts.path[1:], **login), "%s", "{} = {}"


def main(command, *args):
    db, mark, equal = connect()
    cursor = db.cursor()
    if command == "user":
        cursor.execute(f"SELECT {COLUMNS} FROM papercut_users WHERE {equal.format('username', mark)}", args)
        row = cursor.fetchone()
        if row is None:
            sys.exit(67)
        # As PaperCut's format has it: no empty fields at the end.
        print("\t".join("" if value is None else str(value) for value in row).rstrip("\t"))
    elif command == "member":
        group, name = args
        cursor.execute("SELECT 1 FROM papercut_group_members WHERE "
                       f"{equal.format('group_name', mark)} AND {equal.format('username', mark)}", (group, name))
        print("Y" if cursor.fetchone() else "N")
    elif command == "login":
        name, password = args
        cursor.execute("SELECT username, password_hash FROM papercut_credentials WHERE "
                       f"{equal.format('username', mark)}", (name,))
        row = cursor.fetchone()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import crypt
        print(f"OK\n{row[0]}" if row and row[1] and crypt.crypt(password, row[1]) == row[1] else "ERROR")
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
