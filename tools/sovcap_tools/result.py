"""Open a sovcap result (the HDF5 schema `sovcap schema` prints) and hand its parts out as numpy/pandas.

Only what the result schema (docs/results.md) promises is relied on;
extra fields are ignored, missing required ones raise ToolError with one line.
"""
import errno
import os
import stat

import numpy as np
import pandas as pd

from . import registry
from .errors import ToolError

HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"


def attr_text(value):
    """An attribute as str, whether h5py gives str, bytes or a 0-d array."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.shape == ():
        return attr_text(value[()])
    return value if isinstance(value, str) else str(value)


def attr_value(value):
    """An attribute as a plain Python scalar or str."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray):
        if value.shape == ():
            return attr_value(value[()])
        return [attr_value(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return value.item()
    return value


def check_regular_file(path, what):
    """Raise ToolError unless path is a regular file: a FIFO or a device would block
    or never end, a symlink loop would raise OSError."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ToolError(f"{path}: no such file") from None
    except OSError as e:
        kind = "a symlink loop" if e.errno == errno.ELOOP else e.strerror
        raise ToolError(f"{path}: {kind}, not {what}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ToolError(f"{path}: is a directory, not {what}")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a character device" if stat.S_ISCHR(st.st_mode)
                else "a block device" if stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "not a regular file")
        raise ToolError(f"{path}: is {kind}, not {what}")


# sovcap writes only hard links; an external link could name any file (a FIFO
# would block the reader) and a soft link may loop. Bounded: results are 4 deep.
MAX_DEPTH, MAX_LINKS = 16, 1_000_000


def check_links(f, path):
    """Raise ToolError if the file holds a link other than a hard one."""
    import h5py

    seen = 0
    todo = [(f, 0)]
    while todo:
        group, depth = todo.pop()
        for name in group.keys():
            seen += 1
            link = group.get(name, getlink=True)
            where = f"{group.name.rstrip('/')}/{name}"
            if isinstance(link, h5py.ExternalLink):
                raise ToolError(f"{path}: {where} is an external link to {link.filename}:{link.path} "
                                "(sovcap results hold none)")
            if isinstance(link, h5py.SoftLink):
                raise ToolError(f"{path}: {where} is a soft link to {link.path} (sovcap results hold none)")
            if depth + 1 > MAX_DEPTH or seen > MAX_LINKS:
                raise ToolError(f"{path}: groups nested deeper than {MAX_DEPTH} or more than {MAX_LINKS} links "
                                "(not a sovcap result)")
            child = group.get(name)
            if isinstance(child, h5py.Group):
                todo.append((child, depth + 1))


def is_hdf5(path):
    """HDF5 files start with the signature at offset 0 (or 512, 1024, ... with a user block)."""
    try:
        with open(path, "rb") as fh:
            offset = 0
            while True:
                fh.seek(offset)
                head = fh.read(8)
                if len(head) < 8:
                    return False
                if head == HDF5_MAGIC:
                    return True
                offset = 512 if offset == 0 else offset * 2
    except OSError:
        return False


def check_file(path, what="a result file"):
    """Raise ToolError unless path is a readable HDF5 file (before h5py's long messages)."""
    check_regular_file(path, what)
    if not os.access(path, os.R_OK):
        raise ToolError(f"{path}: not readable")
    if not is_hdf5(path):
        raise ToolError(f"{path}: not an HDF5 file")


def first_line(error):
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def open_hdf5(path, what="a result file"):
    """The one way the tools open an HDF5 file they are given (a result, a sweep summary): a readable
    regular HDF5 file holding hard links only. An open h5py.File (the caller closes it), or ToolError
    with one line."""
    import h5py

    check_file(path, what)
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise ToolError(f"{path}: cannot open as HDF5 ({first_line(e)})")
    try:
        check_links(f, path)
    except ToolError:
        f.close()
        raise
    except (OSError, KeyError, RuntimeError, ValueError) as e:
        f.close()
        raise ToolError(f"{path}: damaged HDF5 structure ({first_line(e)})")
    return f


def open_sovcap_file(path):
    """open_hdf5, and the file must be a result of the schema version this build writes."""
    f = open_hdf5(path)
    schema = f.attrs.get("schema")
    if schema is None:
        f.close()
        raise ToolError(f"{path}: not a sovcap result (no root attribute 'schema')")
    expected = registry.schema_version()
    if attr_text(schema) != expected:
        f.close()
        raise ToolError(f"{path}: schema is '{attr_text(schema)}', this tool reads '{expected}'")
    return f


def decode_frame(frame):
    """Fixed-length string columns arrive as bytes: make them str."""
    for col in frame.columns:
        if frame[col].dtype == object and len(frame) and isinstance(frame[col].iloc[0], bytes):
            frame[col] = frame[col].str.decode("utf-8", "replace")
        elif frame[col].dtype.kind == "S":
            frame[col] = frame[col].str.decode("utf-8", "replace")
    return frame


def compound_frame(ds, fields=None):
    """A compound dataset (or some of its fields) as a DataFrame: strings decoded, enums named."""
    import h5py

    names = list(fields) if fields else list(ds.dtype.names or ())
    data = ds.fields(names)[()] if fields else ds[()]
    if data.size:
        frame = pd.DataFrame(data) if data.dtype.names else pd.DataFrame({names[0]: data})
    else:
        frame = pd.DataFrame(columns=names)
    decode_frame(frame)
    for name in names:
        enum = h5py.check_enum_dtype(ds.dtype[name])
        if enum:
            labels = {v: k for k, v in enum.items()}
            frame[name] = frame[name].map(lambda v, n=labels: n.get(int(v), str(v)))
    return frame


class Result:
    """An open sovcap/3 result file. Use as a context manager or call close()."""

    def __init__(self, path):
        self.path = path
        self.f = open_sovcap_file(path)
        self._time = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.f:
            self.f.close()
            self.f = None

    # --- helpers -------------------------------------------------------------
    def need(self, path):
        if path not in self.f:
            raise ToolError(f"{self.path}: missing {path}")
        return self.f[path]

    def need_fields(self, path, fields):
        ds = self.need(path)
        names = ds.dtype.names or ()
        missing = [c for c in fields if c not in names]
        if missing:
            raise ToolError(f"{self.path}: {path} lacks column(s) {', '.join(missing)}")
        return ds

    @property
    def label(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    @property
    def attrs(self):
        return {k: attr_value(v) for k, v in self.f.attrs.items()}

    @property
    def start(self):
        """The simulated start as a pandas Timestamp (UTC), or None if unparseable."""
        try:
            return pd.Timestamp(attr_text(self.f.attrs["start_utc"])).tz_localize(None)
        except (KeyError, ValueError, TypeError):
            try:
                return pd.Timestamp(attr_text(self.f.attrs["start_utc"])).tz_convert(None)
            except Exception:
                return None

    # --- series --------------------------------------------------------------
    @property
    def time_s(self):
        if self._time is None:
            self._time = np.asarray(self.need("/timeseries/time_s")[()], dtype=float)
        return self._time

    def times(self):
        """time_s as datetimes (start_utc + time_s) when start_utc parses, else days."""
        start = self.start
        if start is None:  # unparseable start: dates count from 1970-01-01, i.e. from the start
            start = pd.Timestamp(0)
        return pd.DatetimeIndex(start + pd.to_timedelta(self.time_s, unit="s"), name="time")

    @property
    def sites(self):
        """Site ids in scenario order (from /summary/sites when present)."""
        present = list(self.need("/timeseries/sites").keys())
        if "/summary/sites" in self.f and self.f["/summary/sites"].dtype.names:
            ds = self.f["/summary/sites"]
            first = ds.dtype.names[0]
            order = [attr_value(v) for v in ds[first]] if ds.shape and ds.shape[0] else []
            ordered = [s for s in order if s in present]
            return ordered + [s for s in present if s not in ordered]
        return present

    @property
    def links(self):
        if "/timeseries/links" not in self.f:
            return []
        return list(self.f["/timeseries/links"].keys())

    def has(self, site, metric):
        return f"/timeseries/sites/{site}/{metric}" in self.f

    def series(self, site, metric, required=True):
        path = f"/timeseries/sites/{site}/{metric}"
        if path not in self.f:
            if required:
                raise ToolError(f"{self.path}: missing {path}")
            return None
        return np.asarray(self.f[path][()], dtype=float)

    def link_series(self, link, metric, required=True):
        path = f"/timeseries/links/{link}/{metric}"
        if path not in self.f:
            if required:
                raise ToolError(f"{self.path}: missing {path}")
            return None
        return np.asarray(self.f[path][()], dtype=float)

    def site_frame(self, site):
        """Every series of a site as a DataFrame indexed by time."""
        group = self.need(f"/timeseries/sites/{site}")
        data = {m: np.asarray(group[m][()], dtype=float) for m in group.keys()}
        return pd.DataFrame(data, index=pd.Index(self.times(), name="time"))

    # --- tables --------------------------------------------------------------
    def jobs(self, columns=None):
        """/jobs as a DataFrame; columns=None reads every column, else only those (faster on big runs)."""
        ds = self.need_fields("/jobs", list(columns or ()))
        return compound_frame(ds, list(columns) if columns else None)

    def table(self, path):
        ds = self.need(path)
        if not ds.dtype.names:
            raise ToolError(f"{self.path}: {path} is not a table")
        return compound_frame(ds)

    def kpis(self):
        """Whole-scenario KPIs: the attributes of /summary (without the units listing)."""
        group = self.need("/summary")
        return {k: attr_value(v) for k, v in group.attrs.items() if k not in ("units",)}

    def kpi_units(self):
        units = attr_text(self.f["/summary"].attrs.get("units", "")) if "/summary" in self.f else ""
        return parse_units(units)

    def table_units(self, path):
        ds = self.f[path]
        if "columns" in ds.attrs and "columns_units" in ds.attrs:
            return dict(zip(attr_value(ds.attrs["columns"]), attr_value(ds.attrs["columns_units"])))
        return parse_units(attr_text(ds.attrs.get("units", "")))

    def nodes(self):
        return compound_frame(self.need_fields("/topology/nodes", ["id", "kind", "latitude_deg", "longitude_deg"]))

    def topo_links(self):
        return compound_frame(self.need_fields("/topology/links", ["id", "a", "b"]))


def parse_units(listing):
    """'name: unit, name: unit' -> {name: unit}."""
    out = {}
    for part in listing.split(","):
        if ":" in part:
            k, v = part.split(":", 1)
            out[k.strip()] = v.strip()
    return out


def open_result(path):
    return Result(path)
