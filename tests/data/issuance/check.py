"""PDF/A structure checks with pikepdf, used by tests/issuance.rs.

usage: check.py FILE.pdf PART CONFORMANCE
Prints "ok" or one line per problem (exit 1): the sRGB output intent, the
XMP pdfaid part/conformance, every annotation printable and not hidden with
an appearance dictionary holding only /N, every font in every appearance
stream (nested form XObjects included) embedded, no /NeedAppearances.
"""
import sys

import pikepdf


def main(path, part, conformance):
    pdf = pikepdf.open(path)
    errors = []
    root = pdf.Root
    intents = root.get("/OutputIntents")
    if not intents or not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
        errors.append("no GTS_PDFA1 output intent with a profile")
    meta = pdf.open_metadata()
    if str(meta.get("pdfaid:part")) != part or str(meta.get("pdfaid:conformance")).upper() != conformance.upper():
        errors.append(f"pdfaid {meta.get('pdfaid:part')}{meta.get('pdfaid:conformance')} != {part}{conformance}")
    form = root.get("/AcroForm")
    if form is not None and bool(form.get("/NeedAppearances", False)):
        errors.append("/NeedAppearances true")

    def embedded(font):
        if font.get("/Subtype") == "/Type0":
            font = font.DescendantFonts[0]
        fd = font.get("/FontDescriptor")
        return fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))

    def check_resources(res, where, seen):
        if res is None:
            return
        for name, font in (res.get("/Font") or {}).items():
            if not embedded(font):
                errors.append(f"{where}: font {name} ({font.get('/BaseFont')}) not embedded")
        for name, x in (res.get("/XObject") or {}).items():
            if x.get("/Subtype") == "/Form" and x.objgen not in seen:
                seen.add(x.objgen)
                check_resources(x.get("/Resources"), f"{where}{name}", seen)

    annots = 0
    for pno, page in enumerate(pdf.pages, 1):
        for a in page.obj.get("/Annots") or []:
            annots += 1
            name = str(a.get("/T", a.get("/Subtype")))
            where = f"page {pno} {name}"
            flags = int(a.get("/F", 0))
            if not flags & 4 or flags & (1 | 2 | 32 | 256):
                errors.append(f"{where}: annotation flags {flags}")
            ap = a.get("/AP")
            if ap is None:
                errors.append(f"{where}: no appearance")
                continue
            if set(ap.keys()) != {"/N"}:
                errors.append(f"{where}: appearance keys {sorted(ap.keys())}")
            n = ap.N
            if isinstance(n, pikepdf.Stream):
                check_resources(n.get("/Resources"), where, set())
            else:
                for k, s in n.items():
                    check_resources(s.get("/Resources"), f"{where}{k}", set())
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"ok {annots} annotations")


if __name__ == "__main__":
    main(*sys.argv[1:4])
