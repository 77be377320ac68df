"""Signs a vanban PDF field with an image stamp through pyHanko's API.

Used by tests/issuance.rs. pyHanko's command line only has text and QR
stamps, which draw with an unembedded Courier and so break PDF/A; an image
stamp (StaticStampStyle) keeps it.

usage: sign.py IN OUT FIELD KEY CERT CA PNG MODE
MODE: certify (DocMDP P=2, form filling allowed) or approve.

Also: sign.py --png OUT.png blue|red SIZE_PX writes a test image (a blue
scribble for the leader's signature, a red ring for the seal) with Pillow.
"""
import math
import sys


def png(path, kind, size):
    from PIL import Image, ImageDraw

    if kind == "red":
        im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        d = ImageDraw.Draw(im)
        w = max(2, size // 30)
        d.ellipse((w, w, size - w, size - w), outline=(220, 0, 0, 255), width=w)
        d.ellipse((size // 4, size // 4, 3 * size // 4, 3 * size // 4), outline=(220, 0, 0, 255), width=w)
        c = size // 2
        r = size // 10
        pts = [(c + r * math.cos(math.pi / 2 + k * 4 * math.pi / 5), c - r * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
        d.polygon(pts, fill=(220, 0, 0, 255))
    else:
        im = Image.new("RGBA", (size * 2, size), (0, 0, 0, 0))
        d = ImageDraw.Draw(im)
        pts = [(size * 0.1 + t * size * 1.8 / 200, size / 2 + size * 0.3 * math.sin(t / 9.0) * math.cos(t / 31.0)) for t in range(200)]
        d.line(pts, fill=(0, 40, 200, 255), width=max(2, size // 25))
    im.save(path)


def sign(inp, out, field, key, cert, ca, image, mode):
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.stamp import StaticStampStyle

    signer = signers.SimpleSigner.load(key, cert, ca_chain_files=(ca,))
    style = StaticStampStyle(background=PdfImage(image), background_opacity=1.0, border_width=0)
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        certify=(mode == "certify"),
        docmdp_permissions=MDPPerm.FILL_FORMS,
    )
    with open(inp, "rb") as inf:
        w = IncrementalPdfFileWriter(inf)
        with open(out, "wb") as outf:
            signers.PdfSigner(meta, signer, stamp_style=style).sign_pdf(w, output=outf)


if __name__ == "__main__":
    if sys.argv[1] == "--png":
        png(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sign(*sys.argv[1:9])
