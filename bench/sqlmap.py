#!/usr/bin/env python3
"""SQL injection scan of Xiaoan's API with sqlmap (run by scripts/bench.sh after bench/run.py).

Seeds the demo district (SQLite under bench/work/sqlmap/, or an empty PostgreSQL database with
--database-url), starts `xiaoan serve`, and runs sqlmap on every GET route of
docs/api/openapi.yaml that takes query parameters (lists, searches, boards, exports) and on the
session cookie: one run per route over all its parameters, each set to a value taken from a real
record so that the page lists a row. A route fails unless its baseline answer is a 200 and every
parameter was tested without 429s, 5xx answers or an unstable page. Prints a table, writes
bench/results/sqlmap-<date>.json and latest-sqlmap.json, and exits 1 when a parameter is
injectable or a route failed (2 when the scan could not start).

Python standard library only (PyYAML when importable, else the small reader below); sqlmap is
Debian's package (scripts/setup.sh --with-bench).
"""
import argparse
import concurrent.futures
import datetime
import http.client
import http.server
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPENAPI = os.path.join(REPO, "docs", "api", "openapi.yaml")
COOKIE = "xiaoan_session"
# Accounts tried for each route, in this order; the rest of demo-accounts.txt follows.
PREFERRED_ACCOUNTS = ["safety_office", "sysadmin", "auditor", "secadmin"]
# China Standard Time: the server's "today" for boards and deadlines.
CST = datetime.timezone(datetime.timedelta(hours=8))


def log(msg):
    print(f"[sqlmap {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# docs/api/openapi.yaml


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        import yaml  # python3-yaml, installed by scripts/setup.sh
        return yaml.safe_load(text)
    except ImportError:
        return MiniYaml(text).parse()


class MiniYaml:
    """Just enough YAML for docs/api/openapi.yaml: block mappings and sequences, flow sequences
    of scalars, quoted and plain scalars, and block scalars (| and >, kept as text)."""

    def __init__(self, text):
        self.lines = []  # (indent, text) of the lines that carry content
        raw = text.splitlines()
        i = 0
        while i < len(raw):
            line = raw[i].rstrip()
            stripped = line.lstrip()
            i += 1
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(stripped)
            self.lines.append((indent, stripped))
            if re.search(r":\s*[|>][-+]?$", stripped) or re.match(r"-\s+[|>][-+]?$", stripped):
                # A block scalar: its lines are those indented deeper (blank ones included).
                block = []
                while i < len(raw) and (not raw[i].strip()
                                        or len(raw[i]) - len(raw[i].lstrip()) > indent):
                    block.append(raw[i].strip())
                    i += 1
                self.lines.append((None, "\n".join(block).strip()))
        self.pos = 0

    def parse(self):
        return self.node(self.lines[0][0]) if self.lines else None

    def node(self, indent):
        if self.lines[self.pos][1].startswith("- ") or self.lines[self.pos][1] == "-":
            return self.sequence(indent)
        return self.mapping(indent)

    def mapping(self, indent):
        out = {}
        while self.pos < len(self.lines):
            ind, text = self.lines[self.pos]
            if ind is None or ind < indent or text.startswith("- "):
                break
            self.pos += 1
            m = re.match(r"""("[^"]*"|'[^']*'|[^:]+?):(?:\s+(.*))?$""", text)
            if not m:
                raise ValueError(f"openapi.yaml: cannot read {text!r}")
            key, value = self.scalar(m.group(1)), m.group(2)
            out[key] = self.value(value, ind)
        return out

    def sequence(self, indent):
        out = []
        while self.pos < len(self.lines):
            ind, text = self.lines[self.pos]
            if ind is None or ind != indent or not (text.startswith("- ") or text == "-"):
                break
            rest = text[2:].strip()
            if re.match(r"""("[^"]*"|'[^']*'|[^:\s][^:]*?):(\s|$)""", rest) and \
                    not rest.startswith(("'", '"', "[", "{")):
                # "- key: value" opens a mapping whose keys sit two columns further in.
                self.lines[self.pos] = (ind + 2, rest)
                out.append(self.mapping(ind + 2))
            else:
                self.pos += 1
                out.append(self.value(rest, ind))
        return out

    def value(self, value, indent):
        if value is None or value == "":
            if self.pos < len(self.lines) and self.lines[self.pos][0] is not None:
                nxt = self.lines[self.pos][0]
                is_seq = self.lines[self.pos][1].startswith("- ")
                if nxt > indent or (nxt == indent and is_seq):
                    return self.node(nxt)
            return None
        if re.match(r"[|>][-+]?$", value):
            self.pos += 1  # the block scalar's text follows as one pseudo-line
            return self.lines[self.pos - 1][1]
        return self.scalar(value)

    @staticmethod
    def scalar(text):
        text = text.strip()
        if text.startswith('"') and text.endswith('"') and len(text) >= 2:
            return json.loads(text)
        if text.startswith("'") and text.endswith("'") and len(text) >= 2:
            return text[1:-1].replace("''", "'")
        if text.startswith("[") and text.endswith("]"):
            inner = text[1:-1].strip()
            return [MiniYaml.scalar(x) for x in inner.split(",")] if inner else []
        if text.startswith("{") and text.endswith("}"):
            pairs = [x.split(":", 1) for x in text[1:-1].split(",") if ":" in x]
            return {MiniYaml.scalar(k): MiniYaml.scalar(v) for k, v in pairs}
        text = re.sub(r"\s+#.*$", "", text)
        if text in ("true", "false"):
            return text == "true"
        if text in ("null", "~"):
            return None
        if re.fullmatch(r"-?[0-9]+", text):
            return int(text)
        if re.fullmatch(r"-?[0-9]+\.[0-9]+", text):
            return float(text)
        return text


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def get_routes(spec):
    """Every GET route with query parameters: (path, [parameter dicts with a resolved schema])."""
    routes = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if not op:
            continue
        params = []
        for p in list(ops.get("parameters") or []) + list(op.get("parameters") or []):
            p = dict(resolve(spec, p))
            schema = dict(resolve(spec, p.get("schema") or {}))
            if "example" in p and "example" not in schema:
                schema["example"] = p["example"]
            p["schema"] = schema
            params.append(p)
        if any(p["in"] == "query" for p in params):
            routes.append((path, params))
    return routes


# ---------------------------------------------------------------------------------------------
# The server and its accounts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One logged-in demo account: the session cookie (all a GET needs) and the CSRF token."""

    def __init__(self, port, username=None):
        self.port, self.username, self.cookie, self.csrf = port, username, "", ""

    def call(self, method, path, body=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if method != "GET" and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body).encode()
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        set_cookie = r.getheader("Set-Cookie")
        c.close()
        return r.status, data, set_cookie

    def login(self, password):
        status, data, set_cookie = self.call("POST", "/api/v1/auth/login",
                                             {"username": self.username, "password": password})
        if status != 200 or not set_cookie:
            return False
        self.cookie = set_cookie.split(";")[0]
        self.csrf = json.loads(data).get("csrf_token", "")
        return True

    def fetch(self, path):
        """(status, body bytes, Content-Type) of a GET."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        c.request("GET", path, headers={"Cookie": self.cookie} if self.cookie else {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data, r.getheader("Content-Type") or ""

    def get_json(self, path):
        status, data, _ = self.call("GET", path)
        try:
            return status, json.loads(data) if data else None
        except ValueError:
            return status, None


class Server:
    def __init__(self, xiaoan, data_dir, database_url):
        self.xiaoan, self.data_dir, self.database_url = xiaoan, data_dir, database_url
        self.port = free_port()
        self.proc = None
        self.log_path = os.path.join(data_dir, "serve.log")

    def db_args(self):
        return ["--database", self.database_url] if self.database_url else []

    def seed(self):
        subprocess.run([self.xiaoan, "migrate", "--data-dir", self.data_dir] + self.db_args(),
                       check=True, stdout=subprocess.DEVNULL)
        r = subprocess.run([self.xiaoan, "demo", "--data-dir", self.data_dir] + self.db_args(),
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"sqlmap: xiaoan demo failed (an empty database is needed):\n"
                             f"{r.stderr.strip() or r.stdout.strip()}")
        log(r.stdout.splitlines()[0] if r.stdout else "demo district seeded")

    def start(self):
        env = dict(os.environ)
        # One line per request (method, path, status): the per-route counts of the table.
        env["XIAOAN_LOG_LEVEL"] = "info"
        # Every sqlmap run comes from the same loopback address; no per-address connection cap,
        # so that a refused connection is never mistaken for an answer (behind nginx there is
        # none either). The login rate limit does not matter: the scan logs in a few times only.
        env["XIAOAN_SERVER_MAX_CONNECTIONS_PER_ADDRESS"] = "0"
        self.log_file = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [self.xiaoan, "serve", "--data-dir", self.data_dir, "--listen",
             f"127.0.0.1:{self.port}"] + self.db_args(),
            env=env, stdout=self.log_file, stderr=self.log_file)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"sqlmap: xiaoan serve exited ({self.proc.returncode}), "
                                 f"see {self.log_path}")
            try:
                if Client(self.port).call("GET", "/api/v1/health")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("sqlmap: xiaoan serve did not answer within 60 s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGKILL)
                self.proc.wait()
        if self.proc:
            self.log_file.close()

    def request_counts(self):
        """(path, status) → requests, from the request log."""
        counts = {}
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.search(r"\] GET (\S+) (\d{3}) ", line)
                if m:
                    key = (m.group(1), int(m.group(2)))
                    counts[key] = counts.get(key, 0) + 1
        return counts


def read_accounts(data_dir):
    out = {}
    with open(os.path.join(data_dir, "demo-accounts.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.search(r"用户名 (\S+)\t密码 (\S+)", line)
            if m:
                out[m.group(1)] = m.group(2)
    return out


class Accounts:
    """Logs demo accounts in on first use (the login rate limit is 20 a minute per address)."""

    def __init__(self, port, passwords):
        self.port, self.passwords, self.clients = port, passwords, {}
        order = [u for u in PREFERRED_ACCOUNTS if u in passwords]
        self.order = order + [u for u in passwords if u not in order]

    def client(self, username):
        if username not in self.clients:
            c = Client(self.port, username)
            self.clients[username] = c if c.login(self.passwords[username]) else None
            if self.clients[username] is None:
                log(f"cannot log in as {username} (second factor or locked?): not used")
        return self.clients[username]


# ---------------------------------------------------------------------------------------------
# Example values


def rows_of(body):
    """Rows of a list answer (its total, else its items), None for other answers."""
    if isinstance(body, dict):
        if isinstance(body.get("total"), int):
            return body["total"]
        if isinstance(body.get("items"), list):
            return len(body["items"])
    return None


class Examples:
    """Valid values for the query parameters of one route, taken from real records."""

    def __init__(self, accounts, today):
        self.accounts, self.today = accounts, today
        self.schools, self.rules, self.signature = {}, {}, None

    def load_context(self):
        first = self.accounts.client(self.accounts.order[0])
        _, body = first.get_json("/api/v1/schools?page_size=500")
        self.schools = {s["id"]: s for s in (body or {}).get("items", [])}
        _, body = first.get_json("/api/v1/rules")
        self.rules = {r["id"]: r for r in (body or {}).get("items", [])}
        # The demo has no signatures: sign one step so that GET /api/v1/signatures lists a row.
        status, _, _ = first.call("POST", "/api/v1/signatures", {
            "object_type": "sqlmap", "object_id": "1", "step": "confirm",
            "content": "sqlmap baseline", "password": self.accounts.passwords[first.username]})
        if status == 201:
            self.signature = {"object_type": "sqlmap", "object_id": "1"}

    @staticmethod
    def text(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        return None if v is None or v == "" else str(v)

    def from_record(self, name, item):
        """The value a filter needs to find this record, or None."""
        if not item:
            return None
        if name in item and not isinstance(item[name], (dict, list)):
            return self.text(item[name])
        rule = self.rules.get(item.get("rule_id"), {})
        school = self.schools.get(item.get("school_id"), {})
        derived = {
            "rule": item.get("rule_id"),
            "period": item.get("period_key"),
            "module": rule.get("module"),
            "measure": rule.get("measure"),
            "cluster_id": school.get("cluster_id"),
        }
        if name in ("from", "to"):
            stamp = next((item[k] for k in ("found_at", "date", "at", "created_at")
                          if isinstance(item.get(k), str)), None)
            if not stamp:
                return None
            day = datetime.date.fromisoformat(stamp[:10])
            return (day if name == "from" else day + datetime.timedelta(days=1)).isoformat()
        return self.text(derived.get(name))

    def default(self, p):
        name, schema = p["name"], p["schema"]
        enum = schema.get("enum") or []
        if name == "page":
            return "1"
        if name == "page_size":
            return "20"
        if name == "format":
            # CSV rather than .xlsx: the same bytes on every request (sqlmap compares pages).
            return "csv" if "csv" in enum else (enum[0] if enum else "csv")
        if name == "sort":
            return enum[0] if enum else "-created_at"
        if self.signature and name in self.signature:
            return self.signature[name]
        if name == "year":
            return str(self.today.year)
        if name == "month":
            return self.today.strftime("%Y-%m")
        if name in ("date", "from", "to") or schema.get("format") == "date":
            return self.today.isoformat()
        if name == "school_id" and self.schools:
            return str(min(self.schools))  # a school, not the bureau (unit 1)
        for key in ("example", "default"):
            if key in schema:
                return self.text(schema[key])
        if enum:
            return self.text(enum[0])
        if schema.get("type") == "boolean":
            return "false"
        if schema.get("type") == "integer":
            return str(max(1, schema.get("minimum", 1)))
        return "a"

    def q_candidates(self, item):
        out = []
        for k in ("code", "username", "title", "name", "display_name", "school_name"):
            v = item.get(k) if item else None
            if isinstance(v, str) and v:
                out.append(v[:6] if v.isascii() else v[:2])
        return out

    def for_route(self, path, params, client):
        """{name: value} for the query parameters, from the best record of the route's list."""
        query = [p for p in params if p["in"] == "query"]
        list_path = re.sub(r"/export$", "", path)
        items = []
        if "{" not in list_path:
            for probe in (list_path + "?page_size=100", list_path):  # not every list pages
                status, body = client.get_json(probe)
                if status == 200 and isinstance(body, dict) and isinstance(body.get("items"),
                                                                              list):
                    items = body["items"]
                    break
        # The record that fills the most filters; on a tie the last one, the oldest in most
        # lists: newer audit records are being written by the scan itself.
        best = max(reversed(items), key=lambda it: sum(self.from_record(p["name"], it)
                                                       is not None for p in query), default=None)
        values = {}
        # A class the caller may read (a class teacher lists only their own): routes such as the
        # class teacher's drowning warnings refuse any other class.
        own_class = None
        if any(p["name"] == "class_id" for p in query):
            status, body = client.get_json("/api/v1/edu/classes?page_size=1")
            if status == 200 and isinstance(body, dict) and body.get("items"):
                own_class = self.text(body["items"][0].get("id"))
        for p in query:
            name = p["name"]
            if name == "class_id" and own_class and self.from_record(name, best) is None:
                values[name] = own_class
            elif name in ("page", "page_size", "sort", "format", "unread", "overdue"):
                values[name] = self.default(p)
            elif name == "q":
                values[name] = None  # chosen below, once the other filters are known
            else:
                values[name] = self.from_record(name, best) or self.default(p)
        if "q" in values:
            values["q"] = "a"
            for cand in self.q_candidates(best):
                # Probed on the list itself (an export's list takes the same filters).
                probe = {k: v for k, v in values.items() if k != "format"} | {"q": cand}
                status, body = client.get_json(path_with_query(list_path, probe))
                if status == 200 and (rows_of(body) or 0) > 0:
                    values["q"] = cand
                    break
        return values


def path_with_query(path, values):
    return path + ("?" + urllib.parse.urlencode(values) if values else "")


def fill_path(path, client, today):
    """The route's path with its path parameters filled from a real record, or None."""
    def one(m):
        name = m.group(1)
        if name == "year":
            return str(today.year)
        parent = path[:m.start()].rstrip("/")
        status, body = client.get_json(parent + "?page_size=1")
        items = (body or {}).get("items") if status == 200 and isinstance(body, dict) else None
        if items and name in items[0]:
            return str(items[0][name])
        if items and "id" in items[0]:
            return str(items[0]["id"])
        raise LookupError(name)
    try:
        return re.sub(r"\{(\w+)\}", one, path)
    except LookupError:
        return None


# ---------------------------------------------------------------------------------------------
# sqlmap


def sqlmap_version(cmd):
    r = subprocess.run(cmd + ["--version"], capture_output=True, text=True)
    m = re.search(r"^\d+\.\d+\S*", r.stdout, re.MULTILINE)
    return m.group(0) if m else "?"


def xlsx_text(data):
    """The cells of a workbook as text (shared strings, then the sheets), without
    docProps/core.xml, whose creation time makes every download of the same export differ."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data.decode("utf-8", "replace")
    names = sorted(n for n in z.namelist()
                   if n == "xl/sharedStrings.xml" or n.startswith("xl/worksheets/"))
    return "\n".join(z.read(n).decode("utf-8", "replace") for n in names)


HOP_HEADERS = {"host", "connection", "proxy-connection", "keep-alive", "accept-encoding", "te",
               "trailer", "transfer-encoding", "upgrade", "proxy-authorization"}


class XlsxProxy:
    """A local HTTP proxy for the .xlsx-only exports: sqlmap compares answers byte for byte, and a
    workbook's bytes change every second (its creation time) while its rows do not. Through this
    proxy sqlmap gets the text of the cells instead; every other answer passes unchanged."""

    def __init__(self, backend_port):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                path = (url.path or "/") + ("?" + url.query if url.query else "")
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in HOP_HEADERS}
                c = http.client.HTTPConnection("127.0.0.1", backend_port, timeout=60)
                try:
                    c.request("GET", path, headers=headers)
                    r = c.getresponse()
                    data, ctype = r.read(), r.getheader("Content-Type") or ""
                except OSError:
                    self.send_error(502)
                    return
                finally:
                    c.close()
                if "spreadsheetml" in ctype:
                    data, ctype = xlsx_text(data).encode(), "text/xml; charset=utf-8"
                self.send_response(r.status, r.reason)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def run_sqlmap(cmd, target, args, work, port, proxy_port):
    """One sqlmap run over a target's parameters; returns what its output says."""
    out_dir = os.path.join(work, target["slug"])
    os.makedirs(out_dir, exist_ok=True)
    url = f"http://127.0.0.1:{port}{target['url']}"
    argv = cmd + [
        "-u", url, "--cookie", target["cookie"], "-p", ",".join(target["params"]),
        "--batch", "--level", str(target["level"]), "--risk", str(args.risk),
        "--technique", args.technique, "--dbms", args.dbms,
        "--output-dir", out_dir, "--flush-session", "--threads", str(args.threads),
        "--timeout", str(args.request_timeout), "--retries", "1",
        "--drop-set-cookie",  # the session cookie of the login, never another
        "--skip-waf",  # an unknown query parameter is a 422, which sqlmap takes for a WAF
        # Test every parameter even after a finding, and keep to the level and risk asked for.
        "--answers", "keep testing=Y,extending provided=N,try URI injections=N",
        "--disable-coloring", "-v", "1",
    ] + target.get("extra", [])
    if target["xlsx"]:
        argv += ["--proxy", f"http://127.0.0.1:{proxy_port}"]
    t0 = time.monotonic()
    try:
        r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=args.run_timeout)
        output, code, timed_out = r.stdout + r.stderr, r.returncode, False
    except subprocess.TimeoutExpired as e:
        output = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) \
            else (e.stdout or "")
        code, timed_out = None, True
    seconds = time.monotonic() - t0
    with open(os.path.join(out_dir, "sqlmap.txt"), "w", encoding="utf-8") as f:
        f.write(" ".join(argv) + "\n\n" + output)
    result = parse_sqlmap(output, target["params"])
    result.update(seconds=round(seconds, 1), exit_code=code, command=argv)
    if timed_out:
        result["errors"].append(f"sqlmap did not finish within {args.run_timeout} s")
    return result


PLACE = r"(GET|Cookie|URI) parameter '([^']+)'"


def parse_sqlmap(output, params):
    """Per parameter: tested, injectable (technique, payload), dynamic, notes; per run: errors
    and the HTTP codes sqlmap saw."""
    per = {p: {"name": p, "status": "not tested", "dynamic": None, "techniques": [],
               "payloads": [], "notes": []} for p in params}
    errors, http_codes = [], {}

    def param(name):
        return per.setdefault(name, {"name": name, "status": "not tested", "dynamic": None,
                                     "techniques": [], "payloads": [], "notes": []})

    lines = output.splitlines()
    for i, line in enumerate(lines):
        m = re.search("testing for SQL injection on " + PLACE, line)
        if m and param(m.group(2))["status"] == "not tested":
            param(m.group(2))["status"] = "not injectable?"  # until sqlmap says how it ended
        m = re.search(PLACE + " does not seem to be injectable", line)
        if m and param(m.group(2))["status"] != "injectable":
            param(m.group(2))["status"] = "not injectable"
        m = re.search(PLACE + r" (?:is|appears to be) '([^']+)' injectable", line)
        if m:
            p = param(m.group(2))
            p["status"] = "injectable"
            p["techniques"].append(m.group(3))
        m = re.search(PLACE + " is vulnerable", line)
        if m:
            param(m.group(2))["status"] = "injectable"
        m = re.search(PLACE + " does not appear to be dynamic", line)
        if m:
            param(m.group(2))["dynamic"] = False
        m = re.search(PLACE + " appears to be dynamic", line)
        if m:
            param(m.group(2))["dynamic"] = True
        m = re.search(r"heuristic \((\w+)\) test shows that " + PLACE + r" (might be .*)", line)
        if m and "might not be injectable" not in line:
            param(m.group(3))["notes"].append(f"heuristic ({m.group(1)}): {m.group(4)}")
        m = re.search(r"heuristic \(parsing\) test showed that the back-end DBMS could be "
                      r"'([^']+)'", line)
        if m:  # the server passed a database error on to the client
            errors.append(f"a database error message was seen in an answer ({m.group(1)})")
        if re.search(r"target URL content is not stable|heavily dynamic", line):
            errors.append("target URL content is not stable")
        m = re.search(r"\[(CRITICAL|ERROR)\] (.*)", line)
        if m and "all tested parameters do not appear to be injectable" not in m.group(2):
            errors.append(m.group(2).strip())
        m = re.search(r"\[WARNING\] (.*(?:connection|timed out|too many).*)", line,
                      re.IGNORECASE)
        if m and "keep-alive" not in m.group(1):
            errors.append(m.group(1).strip())
        if "HTTP error codes detected during run" in line and i + 1 < len(lines):
            for code, count in re.findall(r"(\d{3}) \([^)]*\) - (\d+) times", lines[i + 1]):
                http_codes[code] = http_codes.get(code, 0) + int(count)
        # "Parameter: q (GET)" then "Type: …", "Title: …", "Payload: …" lines.
        m = re.match(r"\s*Parameter: (\S+) \((\w+)\)", line)
        if m:
            p = param(m.group(1))
            p["status"] = "injectable"
            for follow in lines[i + 1:i + 40]:
                if re.match(r"\s*Parameter: ", follow) or follow.startswith("---"):
                    break
                t = re.match(r"\s*Title: (.*)", follow)
                if t and t.group(1) not in p["techniques"]:
                    p["techniques"].append(t.group(1))
                t = re.match(r"\s*Payload: (.*)", follow)
                if t:
                    p["payloads"].append(t.group(1))
    for p in per.values():
        if p["status"] == "not injectable?":
            # Testing started but sqlmap stopped before saying how it ended.
            p["status"] = "not tested"
    return {"parameters": list(per.values()), "errors": sorted(set(errors)),
            "sqlmap_http_codes": http_codes}


# ---------------------------------------------------------------------------------------------
# The scan


def baseline(client, url):
    """(status, rows, is .xlsx, refused parameter or None) of one GET of a target."""
    status, data, ctype = client.fetch(url)
    rows, refused = None, None
    if "json" in ctype:
        try:
            body = json.loads(data)
        except ValueError:
            body = None
        rows = rows_of(body)
        if status == 422 and isinstance(body, dict):
            error = body.get("error") or {}
            details = error.get("details") or [{}]
            refused = (details[0].get("field"), error.get("message", ""))
    elif "csv" in ctype:
        lines = [x for x in data.decode("utf-8", "replace").splitlines() if x.strip()]
        rows = max(0, len(lines) - 1)  # after the header line
    elif "spreadsheetml" in ctype:
        rows = max(0, xlsx_text(data).count("<row ") - 1)
    return status, rows, "spreadsheetml" in ctype, refused


def plan_targets(routes, accounts, examples, today, level, skipped):
    """One sqlmap target per route: URL with example values, the account that reads it."""
    targets = []
    for path, params in routes:
        route = f"GET {path}"
        chosen = None
        for username in accounts.order:
            client = accounts.client(username)
            if client is None:
                continue
            real_path = fill_path(path, client, today) if "{" in path else path
            if real_path is None:
                continue
            values = examples.for_route(real_path, params, client)
            # A parameter refused whatever its value (422 naming it) is left out and reported:
            # sqlmap needs a 200 to compare with.
            refused = {}
            while True:
                url = path_with_query(real_path, values)
                status, rows, xlsx, why = baseline(client, url)
                if status == 422 and why and why[0] in values and why[0] not in refused:
                    refused[why[0]] = why[1]
                    del values[why[0]]
                    continue
                break
            this = {"route": route, "path": path, "url": url, "account": username,
                    "cookie": client.cookie, "params": list(values), "refused": refused,
                    "level": level, "baseline_status": status, "baseline_rows": rows,
                    "xlsx": xlsx, "slug": re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")}
            # Best: a 200 whose filters find a row (sqlmap's true and false pages can then
            # differ); a 200 that finds none next; a refusal last.
            filters = [n for n in values if n not in ("page", "page_size", "sort", "format")]
            score = 0 if status != 200 else (2 if rows is None or rows > 0 or not filters else 1)
            if chosen is None or score > chosen["score"]:
                chosen = dict(this, score=score)
            if score == 2:
                break
        if chosen is None:
            skipped.append({"route": route, "reason": "no id found for the path parameter"})
        else:
            targets.append(chosen)
    return targets


def cookie_target(accounts, level):
    """The session cookie, read by every route: one run on GET /api/v1/auth/me."""
    client = accounts.client(accounts.order[0])
    status, _, _ = client.call("GET", "/api/v1/auth/me")
    # sqlmap tests cookies from level 2 on; a changed cookie is a 401, which is the answer here.
    return {"route": "GET /api/v1/auth/me (Cookie)", "path": "/api/v1/auth/me",
            "url": "/api/v1/auth/me", "account": client.username, "cookie": client.cookie,
            "params": [COOKIE], "refused": {}, "level": max(level, 2),
            "baseline_status": status, "baseline_rows": None, "xlsx": False,
            "slug": "cookie-xiaoan-session", "extra": ["--ignore-code", "401"]}


def judge(target, result, counts):
    """Route verdict from sqlmap's output and the server's own count of answers."""
    served = {}
    for (path, status), n in counts.items():
        if path == target["url"].split("?")[0]:
            served[str(status)] = served.get(str(status), 0) + n
    result["server_statuses"] = dict(sorted(served.items()))
    result["requests"] = sum(served.values())
    problems = list(result["errors"])
    if target["baseline_status"] != 200:
        problems.append(f"baseline answer {target['baseline_status']}, not 200")
    for code in sorted(served):
        if code == "429":
            problems.append(f"{served[code]} answers 429 (rate limited)")
        elif code.startswith("5"):
            problems.append(f"{served[code]} answers {code} (server error)")
    if "401" in served and target["params"] != [COOKIE]:
        problems.append(f"{served['401']} answers 401 (session lost)")
    untested = [p["name"] for p in result["parameters"] if p["status"] == "not tested"]
    if untested:
        problems.append("not tested: " + ", ".join(untested))
    injectable = [p["name"] for p in result["parameters"] if p["status"] == "injectable"]
    result["problems"] = problems
    result["verdict"] = "INJECTABLE" if injectable else ("failed" if problems else "ok")
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="level 1 instead of 2")
    ap.add_argument("--bin", default=os.path.join(REPO, "build/release/src/xiaoan"),
                    help="the xiaoan binary (default: the release build of scripts/bench.sh)")
    ap.add_argument("--database-url", help="an empty PostgreSQL database to seed and scan "
                    "(postgresql://…); default: SQLite in the work directory")
    ap.add_argument("--level", type=int, help="sqlmap --level (default 2, quick 1)")
    ap.add_argument("--risk", type=int, default=1, help="sqlmap --risk (default 1)")
    ap.add_argument("--technique", default="BEUST")
    ap.add_argument("--jobs", type=int, default=2, help="sqlmap runs at a time (default 2)")
    ap.add_argument("--threads", type=int, default=2, help="sqlmap --threads (default 2)")
    ap.add_argument("--request-timeout", type=int, default=15, help="sqlmap --timeout, seconds")
    ap.add_argument("--run-timeout", type=int, default=900,
                    help="seconds one sqlmap run may take before it counts as failed")
    ap.add_argument("--only", help="scan only the routes whose path matches this regex")
    ap.add_argument("--sqlmap", default="sqlmap", help="the sqlmap command")
    ap.add_argument("--work", default=os.path.join(REPO, "bench/work/sqlmap"))
    ap.add_argument("--out", default=os.path.join(REPO, "bench/results"))
    args = ap.parse_args()
    level = args.level or (1 if args.quick else 2)
    args.dbms = "PostgreSQL" if args.database_url else "SQLite"
    started = time.time()

    sqlmap_cmd = args.sqlmap.split()
    if not shutil.which(sqlmap_cmd[0]):
        log("sqlmap is not installed: bash scripts/setup.sh --with-bench")
        return 2
    if not os.access(args.bin, os.X_OK):
        log(f"{args.bin} is not built (scripts/bench.sh builds it; or pass --bin)")
        return 2
    version = sqlmap_version(sqlmap_cmd)

    shutil.rmtree(args.work, ignore_errors=True)
    data_dir = os.path.join(args.work, "data")
    os.makedirs(data_dir)
    server = Server(os.path.abspath(args.bin), data_dir, args.database_url)
    server.seed()
    server.start()
    proxy = XlsxProxy(server.port)
    try:
        today = datetime.datetime.now(CST).date()
        accounts = Accounts(server.port, read_accounts(data_dir))
        if accounts.client(accounts.order[0]) is None:
            log("the first demo account cannot log in")
            return 2
        examples = Examples(accounts, today)
        examples.load_context()
        routes = get_routes(load_yaml(OPENAPI))
        if args.only:
            routes = [r for r in routes if re.search(args.only, r[0])]
        skipped = []
        targets = plan_targets(routes, accounts, examples, today, level, skipped)
        if not args.only:
            targets.append(cookie_target(accounts, level))
        for s in skipped:
            log(f"skipped {s['route']}: {s['reason']}")
        n_params = sum(len(t["params"]) for t in targets)
        log(f"sqlmap {version}: {len(targets)} targets, {n_params} parameters, level {level}, "
            f"risk {args.risk}, {args.dbms}, {args.jobs} at a time")

        results = {}
        # The longest runs first, so that the two workers finish together.
        order = sorted(targets, key=lambda t: -len(t["params"]))
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = {pool.submit(run_sqlmap, sqlmap_cmd, t, args, args.work, server.port,
                                   proxy.port): t
                       for t in order if t["baseline_status"] == 200}
            for fut in concurrent.futures.as_completed(futures):
                t = futures[fut]
                results[t["route"]] = fut.result()
                r = results[t["route"]]
                done = sum(p["status"] != "not tested" for p in r["parameters"])
                log(f"{t['route']}: {done}/{len(t['params'])} parameters in {r['seconds']} s")
        # Did every session survive the scan? (sqlmap stops on a 401, but say it plainly.)
        for username, client in accounts.clients.items():
            if client and client.call("GET", "/api/v1/auth/me")[0] != 200:
                log(f"the session of {username} ended during the scan")
                for t in targets:
                    if t["account"] == username and t["route"] in results:
                        results[t["route"]]["errors"].append(f"session of {username} ended")
    finally:
        proxy.stop()
        server.stop()

    counts = server.request_counts()
    rows = []
    for t in targets:
        r = results.get(t["route"]) or {
            "parameters": [{"name": p, "status": "not tested", "dynamic": None,
                            "techniques": [], "payloads": [], "notes": []} for p in t["params"]],
            "errors": [], "sqlmap_http_codes": {}, "seconds": 0, "exit_code": None,
            "command": []}
        r = judge(t, r, counts)
        r["parameters"] += [{"name": name, "status": "refused", "dynamic": None,
                             "techniques": [], "payloads": [], "notes": [reason]}
                            for name, reason in t["refused"].items()]
        rows.append({k: t[k] for k in ("route", "url", "account", "baseline_status",
                                        "baseline_rows", "level", "xlsx")} | {
            k: r[k] for k in ("verdict", "problems", "parameters", "seconds", "requests",
                              "server_statuses", "sqlmap_http_codes", "exit_code")})
    params = [p for row in rows for p in row["parameters"]]
    summary = {
        "routes": len(rows), "routes_ok": sum(r["verdict"] == "ok" for r in rows),
        "routes_failed": sum(r["verdict"] == "failed" for r in rows),
        "routes_skipped": len(skipped),
        "parameters": len(params),
        "parameters_tested": sum(p["status"] in ("not injectable", "injectable")
                                 for p in params),
        "parameters_refused": sum(p["status"] == "refused" for p in params),
        "injectable": sum(p["status"] == "injectable" for p in params),
        "requests": sum(r["requests"] for r in rows),
    }
    result = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "git": subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip(),
        "sqlmap": version, "dbms": args.dbms, "level": level, "risk": args.risk,
        "technique": args.technique, "jobs": args.jobs,
        "seconds": round(time.time() - started, 1),
        "summary": summary, "skipped": skipped, "routes": rows,
    }
    os.makedirs(args.out, exist_ok=True)
    name = f"sqlmap-{datetime.date.today().isoformat()}.json"
    for file_name in (name, "latest-sqlmap.json"):
        with open(os.path.join(args.out, file_name), "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    print_report(result)
    print(f"\nJSON: {os.path.relpath(os.path.join(args.out, name), REPO)}  "
          f"({result['seconds']} s; sqlmap output in {os.path.relpath(args.work, REPO)}/)")
    return 0 if summary["injectable"] == 0 and summary["routes_failed"] == 0 else 1


def print_report(result):
    s = result["summary"]
    print(f"\n校安 Xiaoan sqlmap 扫描 · {result['mode']} · sqlmap {result['sqlmap']} · "
          f"{result['dbms']} · level {result['level']} risk {result['risk']} "
          f"technique {result['technique']} · {result['date']} · git {result['git']}\n")
    print("| route | account | rows | params | tested | injectable | requests | answers | s | |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in result["routes"]:
        tested = sum(p["status"] in ("not injectable", "injectable") for p in r["parameters"])
        inj = sum(p["status"] == "injectable" for p in r["parameters"])
        answers = " ".join(f"{k}×{v}" for k, v in r["server_statuses"].items())
        via = " (.xlsx as text)" if r["xlsx"] else ""
        print(f"| {r['route']}{via} | {r['account']} | "
              f"{'—' if r['baseline_rows'] is None else r['baseline_rows']} | "
              f"{len(r['parameters'])} | {tested} | {inj} | {r['requests']} | {answers} | "
              f"{r['seconds']} | {r['verdict']} |")
    for sk in result["skipped"]:
        print(f"| {sk['route']} | — | — | — | — | — | — | — | — | "
              f"skipped: {sk['reason']} |")
    for r in result["routes"]:
        for p in r["parameters"]:
            if p["status"] == "injectable":
                print(f"\nINJECTABLE: {r['route']} parameter {p['name']}: "
                      f"{'; '.join(p['techniques'])}")
                for payload in p["payloads"]:
                    print(f"  payload: {payload}")
        for problem in r["problems"]:
            print(f"failed: {r['route']}: {problem}")
        for p in r["parameters"]:
            if p["status"] == "refused":
                print(f"refused: {r['route']} parameter {p['name']}: the server answers 422 to "
                      f"its example value ({p['notes'][0]}); left out of the URL, not scanned")
            else:
                for note in p["notes"]:
                    print(f"note: {r['route']} parameter {p['name']}: {note}")
    print(f"\n{s['routes']} routes ({s['routes_ok']} ok, {s['routes_failed']} failed, "
          f"{s['routes_skipped']} skipped), {s['parameters_tested']} of {s['parameters']} "
          f"parameters tested ({s['parameters_refused']} refused by the server), "
          f"{s['requests']} requests: {s['injectable']} injectable parameters")


if __name__ == "__main__":
    sys.exit(main())
