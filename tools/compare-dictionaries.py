#!/usr/bin/env python3
"""Compare Pirog's dictionary files with a FreeRADIUS dictionary tree.

Only facts are compared: for every ATTRIBUTE name defined in both trees
the vendor, number, type and flags; for every VALUE name defined for the
same attribute in both trees the number.  Prints disagreements and a
summary.  Exit status 1 if there are disagreements.

usage: compare-dictionaries.py PIROG_DIR [FREERADIUS_DIR]
"""
import os
import sys

KNOWN_FLAGS = {"has_tag", "concat", "array", "virtual", "secret",
               "long", "internal", "abinary"}


def parse_tree(root_dir):
    attrs = {}    # lower(name) -> dict
    values = {}   # (vendor, number, lower(value name)) -> (value, attr name, file)
    vendors = {}  # lower(vendor name) -> id
    vendor_names = {}
    seen = set()

    def parse_file(path):
        path = os.path.realpath(path)
        if path in seen:
            return
        seen.add(path)
        vendor = None
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, raw in enumerate(fh, 1):
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                f = line.split()
                kw = f[0]
                if kw in ("$INCLUDE", "$INCLUDE-"):
                    inc = f[1]
                    if not os.path.isabs(inc):
                        inc = os.path.join(os.path.dirname(path), inc)
                    if os.path.exists(inc):
                        parse_file(inc)
                    elif kw == "$INCLUDE":
                        print(f"missing include {inc} ({path}:{lineno})")
                elif kw == "VENDOR":
                    vendors[f[1].lower()] = int(f[2], 0)
                    vendor_names[int(f[2], 0)] = f[1]
                elif kw == "BEGIN-VENDOR":
                    vendor = vendors[f[1].lower()]
                elif kw == "END-VENDOR":
                    vendor = None
                elif kw == "ATTRIBUTE":
                    name, num, typ = f[1], f[2], f[3].lower()
                    flags = set()
                    v = vendor
                    if len(f) > 4:
                        extra = f[4]
                        parts = extra.split(",")
                        if all(("=" in p) or p in KNOWN_FLAGS for p in parts):
                            flags = set(parts)
                        else:
                            v = vendors.get(extra.lower(), extra)
                    d = dict(name=name, vendor=v, num=num, type=typ,
                             flags=flags, file=os.path.basename(path))
                    # FreeRADIUS has a few names defined twice (e.g. the
                    # Digest-* names in both rfc5090 and its internal
                    # space); keep every definition, the first is primary.
                    attrs.setdefault(name.lower(), []).append(d)
                elif kw == "VALUE":
                    a = attrs.get(f[1].lower())
                    a = a[0] if a else None
                    if a is None:
                        key = (None, f[1].lower(), f[2].lower())
                    else:
                        key = (a["vendor"], a["num"], f[2].lower())
                    values[key] = (int(f[3], 0), f[1], f[2],
                                   os.path.basename(path))
    parse_file(os.path.join(root_dir, "dictionary"))
    return attrs, values, vendors


def main():
    pirog_dir = sys.argv[1]
    fr_dir = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/freeradius"
    pa, pv, pvend = parse_tree(pirog_dir)
    fa, fv, fvend = parse_tree(fr_dir)
    problems = 0

    for name, vid in sorted(pvend.items()):
        if name in fvend and fvend[name] != vid:
            print(f"VENDOR {name}: pirog {vid} freeradius {fvend[name]}")
            problems += 1

    common = 0
    only_pirog = []
    for key, alist in sorted(pa.items()):
        a = alist[0]
        blist = fa.get(key)
        if blist is None:
            only_pirog.append(a)
            continue
        common += 1
        # prefer the FreeRADIUS definition with the same number
        b = next((x for x in blist if str(x["num"]) == str(a["num"])
                  and str(x["vendor"]) == str(a["vendor"])), blist[0])
        diffs = []
        for field in ("vendor", "num", "type"):
            if str(a[field]) != str(b[field]):
                diffs.append(f"{field}: pirog={a[field]} freeradius={b[field]}")
        if a["flags"] != b["flags"]:
            diffs.append(f"flags: pirog={sorted(a['flags'])} "
                         f"freeradius={sorted(b['flags'])}")
        if diffs:
            problems += 1
            print(f"ATTRIBUTE {a['name']} ({a['file']} / {b['file']}): "
                  + "; ".join(diffs))

    vcommon = 0
    vonly = []
    for key, (num, an, vn, fname) in sorted(pv.items(), key=str):
        other = fv.get(key)
        if other is None:
            vonly.append(f"{an} {vn} {num} ({fname})")
            continue
        vcommon += 1
        if other[0] != num:
            problems += 1
            print(f"VALUE {an} {vn}: pirog={num} freeradius={other[0]} "
                  f"({fname} / {other[3]})")

    print(f"\nattributes: pirog={len(pa)} common={common} "
          f"only-in-pirog={len(only_pirog)}")
    for a in only_pirog:
        print(f"  only in pirog: {a['name']} {a['num']} {a['type']} "
              f"({a['file']})")
    print(f"values: pirog={len(pv)} common={vcommon} only-in-pirog={len(vonly)}")
    for v in vonly:
        print(f"  only in pirog: VALUE {v}")
    print(f"disagreements: {problems}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
