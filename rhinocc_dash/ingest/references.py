"""Reference lists the matcher needs, from the Base Adresse Nationale team's own packages.

- FANTOIR « natures de voie » (`CHE` = chemin, `RTE` = route, … 190 codes), shipped by
  `@etalab/fantoir-parser` (the BAN's FANTOIR parser, MIT);
- the NF Z10-011 abbreviations that La Poste and the BAN use for titles (`MAL` = maréchal, `GAL` = général,
  `PDT` = président…), shipped by `@etalab/normadresse` (MIT).

They are downloaded once from the npm registry, checked against the registry's published SHA-512, and
kept in the reference folder ($RHINOCC_REFERENCE, default data/reference/, not committed).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..shared.config import resolve_reference

NPM_REGISTRY = "https://registry.npmjs.org"
TIMEOUT_S = 60


@dataclass(frozen=True)
class Reference:
    package: str
    version: str
    member: str  # file inside the package tarball
    integrity: str  # npm's dist.integrity (sha512, base64)

    @property
    def filename(self) -> str:
        return (
            f"{self.package.replace('/', '_').lstrip('@')}-{self.version}-{Path(self.member).name}"
        )

    def url(self) -> str:
        name = self.package.split("/")[-1]
        return f"{NPM_REGISTRY}/{self.package}/-/{name}-{self.version}.tgz"


STREET_TYPES = Reference(
    "@etalab/fantoir-parser",
    "0.5.0",
    "package/natures-voies.json",
    "sha512-yIBCeqhNLyQLP3BPPUWaSKa6NG1nd+3FNMEPiHhCNJ2B8kKN/oI8SDOZIP4lO4BuwZmE4kMI/w+PPXxYqsP+1g==",
)
NF_Z10_011 = Reference(
    "@etalab/normadresse",
    "1.2.0",
    "package/rules.json",
    "sha512-Jin9avQ23vpsZnVohQmaNkvWMm0l1vYPOukyeLkTr7C5VNhtLDLazAqd6ppssGV0apTLBCyhPbx6C6BA0t+5nA==",
)
REFERENCES = (STREET_TYPES, NF_Z10_011)


class ReferenceMissing(Exception):
    """A reference list is absent and could not be downloaded; the message (French) says what to do."""


def _check(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected


def fetch(reference: Reference, folder: Path) -> Path:
    """Download the package, check its integrity and keep the one file the project reads."""
    target = folder / reference.filename
    try:
        with urllib.request.urlopen(reference.url(), timeout=TIMEOUT_S) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as exc:
        raise ReferenceMissing(
            f"Liste de référence absente : {target}. Téléchargement impossible depuis "
            f"{reference.url()} ({exc}). Lancez « rhinocc-dash references » une fois connecté, "
            "ou copiez ce fichier dans le dossier des références ($RHINOCC_REFERENCE)."
        ) from exc
    if not _check(data, reference.integrity):
        raise ReferenceMissing(
            f"{reference.url()} : empreinte différente de celle publiée par le registre npm, "
            "fichier rejeté."
        )
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(reference.member)
        if member is None:
            raise ReferenceMissing(f"{reference.url()} ne contient pas {reference.member}.")
        content = member.read()
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(content)
    partial.replace(target)
    return target


def ensure_all(folder: Path | None = None) -> list[Path]:
    """Every reference file, downloaded when absent."""
    folder = folder or resolve_reference()
    return [
        path if (path := folder / ref.filename).is_file() else fetch(ref, folder)
        for ref in REFERENCES
    ]


@cache
def load(reference: Reference) -> object:
    path = resolve_reference() / reference.filename
    if not path.is_file():
        path = fetch(reference, path.parent)
    return json.loads(path.read_text(encoding="utf-8"))


def street_types() -> dict[str, str]:
    """FANTOIR street-type codes and their words, folded: {'che': 'chemin', 'rte': 'route', …}."""
    out = {}
    for code, label in load(STREET_TYPES).items():
        words = label if isinstance(label, list) else [label]
        out[code.lower()] = words[0].lower()
    return out


def title_abbreviations() -> dict[str, str]:
    """NF Z10-011 abbreviations of titles and common words, short form to long: {'mal': 'marechal', …}.

    Rules whose long form is a pattern (alternatives, groups) or several words, and one-letter short
    forms (« M » for monsieur), are left out: only plain one-word pairs expand without guessing.
    """
    out = {}
    for step in ("2", "4", "6"):
        for rule in load(NF_Z10_011)[step]:
            long_form, short = rule["long"].strip(), rule["short"].strip().lower()
            if long_form.isalpha() and short.isalpha() and len(short) > 1:
                out.setdefault(short, long_form.lower())
    return out
