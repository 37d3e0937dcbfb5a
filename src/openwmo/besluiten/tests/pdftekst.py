"""Open a letter as a reader would: poppler renders the first page and extracts the text.

poppler-utils is installed by `make install` (scripts/ensure-system-libs.sh)."""

import subprocess
import tempfile
from pathlib import Path


def tekst(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "brief.pdf"
        pad.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "1",
                str(pad),
                str(pad.with_suffix("")),
            ],
            check=True,
            capture_output=True,
        )
        assert list(Path(map_).glob("brief*.png")), "pdftoppm kon de brief niet weergeven"
        uit = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pad), "-"], check=True, capture_output=True
        )
        return " ".join(uit.stdout.decode().split())
