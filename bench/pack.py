"""Build the evidence pack of the benchmark organisation and report how far memory grew while it streamed,
then verify it and report the throughput.

    .venv/bin/python bench/pack.py [--database sqlite|postgres] [--events N] [--large-file-mb N]

Uses the database of bench/run.py (var/bench/bench-<N>.sqlite3, or AIMS_BENCH_DATABASE_URL), seeding it with
`aims bench seed` the first time. `--large-file-mb` stores one evidence file of that size supporting an
included control (once), so the pack holds at least one file far larger than the memory it may use: the
RSS growth must stay under `RSS_LIMIT_MB` whatever the pack's size. The pack goes to var/bench/ and the key
to a throwaway file there, never the installation's. Exit status 1 when the growth misses the limit or the
pack does not verify.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import SLUG, configure, describe_database, prepare  # noqa: E402

RSS_LIMIT_MB = 200.0
WRITE_CHUNK = 1 << 20


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--events", type=int, default=1_000_000, help="audit events in the organisation")
    parser.add_argument("--large-file-mb", type=int, default=512, help="one evidence file of this size")
    return parser.parse_args(argv)


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (VmRSS) or its peak so far (VmHWM), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} is not in /proc/self/status")


def reset_peak() -> None:
    """Start VmHWM again from the current RSS (Linux 4.0 and later), so the peak is this run's own."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def ensure_large_evidence(megabytes: int) -> str:
    """One evidence file of `megabytes` MB supporting an included Annex A control, made once."""
    import hashlib

    from django.core.files.storage import default_storage

    from aims.controls.models import Control, Decision
    from aims.evidence.models import Evidence, EvidenceLink
    from aims.organizations.models import Organization

    organization = Organization.objects.get(slug=SLUG)
    title = f"Bench large evidence file ({megabytes} MB)"
    found = Evidence.objects.filter(organization=organization, title=title).first()
    if found is not None or megabytes <= 0:
        return f"{megabytes} MB evidence file: {'present' if found else 'none'}"
    name = f"evidence/{organization.pk}/bench-large-{megabytes}mb.bin"
    path = Path(default_storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, block = hashlib.sha256(), os.urandom(WRITE_CHUNK)
    with path.open("wb") as file:
        for _ in range(megabytes):
            file.write(block)
            digest.update(block)
    number = (
        Evidence.objects.filter(organization=organization).order_by("-number").first() or Evidence()
    ).number
    evidence = Evidence.objects.create(
        organization=organization, number=(number or 0) + 1, title=title, kind=Evidence.Kind.FILE, file=name,
        file_name=path.name, file_size=megabytes * WRITE_CHUNK, sha256=digest.hexdigest(),
        content_type="application/octet-stream", collected_on=time.strftime("%Y-%m-%d"),
    )  # fmt: skip
    control = Control.objects.filter(organization=organization, decision=Decision.INCLUDED).first()
    assert control is not None, "the bench organisation has no included control"
    EvidenceLink.objects.create(organization=organization, evidence=evidence, item=control.catalog_item)
    return f"{megabytes} MB evidence file: made"


def export(path: Path) -> tuple[float, float, float, int]:
    """Write the pack to `path`; (seconds, RSS before in MB, peak RSS growth in MB, bytes)."""
    import gc

    from aims.organizations.models import Organization
    from aims.packs.actions import export_pack

    organization = Organization.objects.get(slug=SLUG)
    gc.collect()
    reset_peak()
    before, peak, started = rss_mb(), rss_mb(), time.perf_counter()
    with path.open("wb") as file:
        for index, chunk in enumerate(export_pack(actor=None, organization=organization, since=None)):
            file.write(chunk)
            if index % 256 == 0:
                peak = max(peak, rss_mb())
    seconds = time.perf_counter() - started
    peak = max(peak, rss_mb(), rss_mb("VmHWM"))
    return seconds, before, peak - before, path.stat().st_size


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT))
    where = configure(args.database, args.events)
    os.environ["AIMS_PACK_SIGNING_KEY_FILE"] = str(ROOT / "var" / "bench" / "bench-pack-signing-key.pem")
    import django

    django.setup()
    from aims.packs.verification import verify_pack

    prepare(args.events)
    print(f"\n{describe_database()} at {where}; {args.events:,} audit events; "
          f"{ensure_large_evidence(args.large_file_mb)}")  # fmt: skip
    path = ROOT / "var" / "bench" / f"pack-{SLUG}.zip"
    seconds, before, growth, size = export(path)
    print(f"export: {size / 1e6:,.1f} MB in {seconds:.1f} s = {size / 1e6 / seconds:,.1f} MB/s; "
          f"RSS {before:,.0f} MB before, peak growth {growth:,.1f} MB "
          f"(limit {RSS_LIMIT_MB:.0f} MB)")  # fmt: skip
    report = verify_pack(path)
    print(f"verify: {report.files:,} files, {report.bytes / 1e6:,.1f} MB and {report.events:,} events in "
          f"{report.seconds:.1f} s = {report.megabytes_per_second:,.1f} MB/s; "
          f"{'OK' if report.ok else 'MISMATCH: ' + report.problem}")  # fmt: skip
    good = report.ok and growth < RSS_LIMIT_MB
    if not good:
        print("MISSES TARGET")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
