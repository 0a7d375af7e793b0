#!/usr/bin/env python3
"""Run a real IRC server on loopback for factbot's end-to-end tests.

The Swift tests spawn this script as a child process and drive it over
stdin/stdout. Python 3.11 standard library only; Linux; the Debian packages
`ngircd`, `inspircd`, `atheme-services` and `openssl` must be installed.

Usage:
    python3 Tests/Servers/ircd.py ngircd   --dir DIR [--tls]
    python3 Tests/Servers/ircd.py inspircd --dir DIR [--tls [--sts-duration S]]
                                   [--account NAME --password PW
                                    [--account-cert PEM]]

    ngircd    Plain IRC (ngircd only offers the `multi-prefix` capability: no
              SASL). An IRC operator "oper" / "operpass" exists, so a test
              client can `OPER oper operpass` and `MODE <own nick> +F` to
              lift ngircd's flood throttling for itself (an operator may
              change only its own user modes: 502 for other users). With
              --tls a self-signed certificate for CN=localhost
              (subjectAltName DNS:localhost, IP:127.0.0.1) is made with the
              openssl CLI and TLS is served on a second port; clients verify
              it with `ca_file` as the only CA and the host name "localhost"
              (or the IP 127.0.0.1).
    inspircd  InspIRCd 3 linked to Atheme services: CAP, SASL PLAIN, NickServ.
              The ready line is printed only once `sasl` is offered in
              `CAP LS 302`. With --account/--password the account is
              registered with NickServ (services start from an empty
              database) and one SASL PLAIN login with it is checked (903).
              With --tls a TLS port is served as for ngircd (self-signed
              CN=localhost), asking clients for a certificate (`sslinfo`
              gives its SHA-256 fingerprint to services, so Atheme's
              `saslserv/external` logs it in). `ircv3_sts` advertises
              `sts=port=<tls port>` on the plain port and, on TLS to the
              name "localhost" (the module needs SNI, which is not sent for an
              IP address), `sts=duration=S` (default 60). --account-cert adds
              that PEM certificate's fingerprint to the account (NickServ
              CERT ADD), for SASL EXTERNAL.

    DIR is a scratch folder (created if missing) for configs, certificates,
    logs and the services database. Every port is a free loopback port
    chosen at start-up (bind 127.0.0.1:0); the ports stay the same for the
    life of the script. Nothing listens on or connects to anything but
    127.0.0.1.

Protocol (one JSON object per line on stdout, flushed):
    Ready:    {"ready": true, "server": "ngircd" | "inspircd",
               "host": "127.0.0.1", "port": <plain client port>,
               "tls_port": <int> | null, "ca_file": "<DIR>/cert.pem" | null,
               "oper": ["oper", "operpass"] | null, "sasl": <bool>,
               "account": [NAME, PW] | null}
    Failure:  {"ready": false, "error": "...", "log": "<tail of server logs>"}
              At start-up the script then exits with status 1. After a
              failed `start` command it stays up (servers stopped) and keeps
              reading commands.

    Commands on stdin, one per line:
    stop      Stop the server process(es): SIGTERM, wait up to 5 s, then
              SIGKILL. Prints {"stopped": true}.
    start     Start again on the SAME ports; prints the ready line (or the
              failure line) once the server accepts connections and answers
              a registration (inspircd: also once `sasl` is offered and the
              account, if any, logs in). Atheme's database is kept across
              stop/start, like a real network restart. `start` while running
              only re-prints the ready line.
    Anything else prints {"error": "unknown command: ..."}.

    EOF on stdin, SIGTERM, SIGINT or SIGHUP stop everything and exit 0.
    Every wait is bounded (at most STARTUP_TIMEOUT seconds). Should this
    script die without cleaning up (SIGKILL, crash), a watchdog process
    SIGKILLs the servers (see Watchdog).
"""

import argparse
import atexit
import base64
import hashlib
import ctypes
import json
import os
import resource
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time

HOST = "127.0.0.1"
STARTUP_TIMEOUT = 15.0  # upper bound for every wait while (re)starting
STOP_TIMEOUT = 5.0  # SIGTERM grace period before SIGKILL
OPER = ("oper", "operpass")
LINK_PASSWORD = "linkpass"

try:  # libc for prctl(PR_SET_PDEATHSIG); loaded before any fork
    _LIBC = ctypes.CDLL(None, use_errno=True)
except OSError:
    _LIBC = None
_PR_SET_PDEATHSIG = 1

# The watchdog: reads "add PID" / "del PID" lines on stdin; at EOF (this
# script has exited, however it died) it SIGKILLs the process group of every
# PID still added. Normal stops send "del" first, so it then kills nothing.
_WATCHDOG_CODE = '''
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
pids = set()
for line in sys.stdin:
    verb, _, pid = line.partition(" ")
    (pids.add if verb == "add" else pids.discard)(int(pid))
for pid in pids:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
'''


class StartupError(Exception):
    """A server did not come up; the message says why."""


class Shutdown(Exception):
    """Raised from the signal handler to unwind to the cleanup code."""


def emit(obj):
    """Write one JSON line to stdout (the protocol channel) and flush."""
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def free_ports(count):
    """Free loopback TCP ports, all distinct: bind port 0, read it, close.

    The sockets are held open until all are picked so the kernel cannot
    hand out the same port twice.
    """
    socks = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((HOST, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def tail(path, lines=30):
    """Last lines of a log file, or a note when there is none."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 16384))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return f"({os.path.basename(path)}: no log)"
    return "\n".join(text.splitlines()[-lines:])


class Watchdog:
    """Kills the servers if this script dies without stopping them.

    PR_SET_PDEATHSIG alone is not enough: the kernel clears it when a
    process changes its credentials, and ngircd always drops root for
    "nobody". The watchdog holds the read end of a pipe whose only write end
    is ours, so it sees EOF the moment we are gone.
    """

    def __init__(self):
        read_end, self.write_end = os.pipe()  # both non-inheritable
        try:
            self.popen = subprocess.Popen(
                [sys.executable, "-c", _WATCHDOG_CODE], stdin=read_end,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                close_fds=True, start_new_session=True)
        finally:
            os.close(read_end)

    def _tell(self, line):
        try:
            os.write(self.write_end, line.encode() + b"\n")
        except OSError:  # watchdog gone; PR_SET_PDEATHSIG still helps
            pass

    def add(self, pid):
        self._tell(f"add {pid}")

    def remove(self, pid):
        self._tell(f"del {pid}")

    def close(self):
        """Orderly end (servers already stopped): EOF, watchdog exits."""
        os.close(self.write_end)
        try:
            self.popen.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.popen.kill()


WATCHDOG = None  # created in main() before any server starts
HANDLED_SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}


def _child_setup():
    """Runs in each server child before exec: signals unblocked (spawn()
    blocks them), no core files, die with us (unless it changes credentials:
    see Watchdog)."""
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class Process:
    """One server child process, its output appended to a log file.

    Create it with spawn() so that it is always tracked for stopping.
    """

    def __init__(self, name, argv, cwd, log_path):
        self.name = name
        with open(log_path, "ab") as log:
            self.popen = subprocess.Popen(
                argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, close_fds=True,
                # Own session: a Ctrl-C in a terminal reaches only this
                # script, which then stops the servers in order.
                start_new_session=True, preexec_fn=_child_setup)
        if WATCHDOG is not None:
            WATCHDOG.add(self.popen.pid)

    def alive(self):
        return self.popen.poll() is None

    def check_alive(self):
        if not self.alive():
            raise StartupError(
                f"{self.name} exited with status {self.popen.returncode}")

    def stop(self):
        """SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL; exit code ignored
        (InspIRCd may crash on SIGTERM)."""
        if self.popen.poll() is None:
            try:
                self.popen.terminate()
                self.popen.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.popen.kill()
        try:
            self.popen.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:  # unkillable; leave it armed
            return
        if WATCHDOG is not None:
            WATCHDOG.remove(self.popen.pid)


def spawn(procs, name, argv, cwd, log_path):
    """Start a Process and append it to procs, with our signal handlers held
    off meanwhile, so a SIGTERM cannot leave a server started but untracked."""
    signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED_SIGNALS)
    try:
        procs.append(Process(name, argv, cwd, log_path))
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HANDLED_SIGNALS)


# --------------------------------------------------------------------------
# A tiny raw IRC client for the readiness checks.


def parse_line(line):
    """Split an IRC line into (prefix, COMMAND, params); tags are dropped."""
    if line.startswith("@"):
        line = line.partition(" ")[2]
    prefix = None
    if line.startswith(":"):
        prefix, _, line = line[1:].partition(" ")
    trailing = None
    if " :" in line:
        line, trailing = line.split(" :", 1)
    elif line.startswith(":"):
        line, trailing = "", line[1:]
    params = line.split()
    command = params.pop(0).upper() if params else ""
    if trailing is not None:
        params.append(trailing)
    return prefix, command, params


class IrcClient:
    """Blocking line-based IRC connection where every read has a deadline."""

    def __init__(self, port, deadline, tls_context=None, hostname=None):
        self.deadline = deadline
        sock = socket.create_connection((HOST, port), timeout=self._left())
        if tls_context is not None:
            sock.settimeout(self._left())
            sock = tls_context.wrap_socket(sock, server_hostname=hostname)
        self.sock = sock
        self.buffer = b""

    def _left(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("timed out talking to the IRC server")
        return left

    def send(self, line):
        self.sock.settimeout(self._left())
        self.sock.sendall(line.encode() + b"\r\n")

    def read(self):
        """Next message as (prefix, COMMAND, params); answers PING itself."""
        while True:
            while b"\n" not in self.buffer:
                self.sock.settimeout(self._left())
                data = self.sock.recv(4096)
                if not data:
                    raise ConnectionError("server closed the connection")
                self.buffer += data
            raw, _, self.buffer = self.buffer.partition(b"\n")
            line = raw.rstrip(b"\r").decode("utf-8", "replace")
            if not line:
                continue
            msg = parse_line(line)
            if msg[1] == "PING":
                self.send("PONG :" + (msg[2][-1] if msg[2] else ""))
                continue
            if msg[1] == "ERROR":
                raise ConnectionError("server sent ERROR: " + " ".join(msg[2]))
            return msg

    def register(self, nick):
        """NICK/USER, wait for 001 (picking another nick on 433)."""
        self.send(f"NICK {nick}")
        self.send(f"USER {nick[:10]} 0 * :ircd.py probe")
        while True:
            _, command, params = self.read()
            if command == "001":
                return
            if command == "433":
                nick = nick[:20] + str(int(time.monotonic() * 1000) % 10000)
                self.send(f"NICK {nick}")

    def close(self):
        try:
            self.send("QUIT :probe done")
        except (OSError, TimeoutError):
            pass
        try:
            self.sock.close()
        except OSError:
            pass


def wait_for_port(port, deadline, procs):
    """Poll until a TCP connect to port succeeds; fail if a process died."""
    while True:
        for proc in procs:
            proc.check_alive()
        try:
            with socket.create_connection((HOST, port), timeout=1.0):
                return
        except OSError:
            pass
        if time.monotonic() >= deadline:
            raise StartupError(f"port {port} accepted no connection in time")
        time.sleep(0.05)


def probe_nick():
    """A nick for the readiness probes, unlikely to clash with a test's."""
    millis = int(time.monotonic() * 1000) % 100000
    return f"probe{os.getpid() % 100000}x{millis}"


# --------------------------------------------------------------------------
# Servers. Each has setup() (once: ports, configs, certificates), start()
# (returns once ready, else raises), ready_info() and log_tail().


class Server:
    """What both servers share: their child processes."""

    def __init__(self):
        self.procs = []  # started in this order, stopped in reverse

    def stop(self):
        for proc in reversed(self.procs):
            proc.stop()
        self.procs = []

    def running(self):
        return bool(self.procs) and all(p.alive() for p in self.procs)


class Ngircd(Server):
    name = "ngircd"

    def __init__(self, args):
        super().__init__()
        self.dir = args.dir
        self.tls = args.tls
        self.conf = os.path.join(self.dir, "ngircd.conf")
        self.log = os.path.join(self.dir, "ngircd.log")
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        self.dh = os.path.join(self.dir, "dh.pem")
        self.port = self.tls_port = None

    def setup(self):
        if self.tls:
            self.port, self.tls_port = free_ports(2)
            make_certificate(self.cert, self.key)
            # Without a DHFile ngircd (GnuTLS) generates DH parameters at
            # every start; the RFC 7919 group is instant and just as good.
            run_openssl(["genpkey", "-genparam", "-algorithm", "DH",
                         "-pkeyopt", "group:ffdhe2048", "-out", self.dh])
        else:
            (self.port,) = free_ports(1)
        include_dir = os.path.join(self.dir, "ngircd.conf.d")  # stays empty
        os.makedirs(include_dir, exist_ok=True)
        # No ServerUID/ServerGID: ngircd 26 refuses to run as root(0) and
        # switches to "nobody" anyway, after reading config, certificates
        # and keys; it writes no files (no PidFile, log on stderr).
        conf = f"""\
[Global]
Name = irc.test
Info = factbot test server
AdminInfo1 = test
AdminInfo2 = test
AdminEMail = test@example.invalid
Listen = {HOST}
Ports = {self.port}
MotdPhrase = factbot test server
[Limits]
# default 5 connections per IP address: too few for a test suite
MaxConnectionsIP = 100
MaxNickLength = 30
PingTimeout = 120
PongTimeout = 20
[Options]
PAM = no
DNS = no
Ident = no
# default /etc/ngircd/ngircd.conf.d
IncludeDir = {include_dir}
[Operator]
# OPER oper operpass, then MODE <own nick> +F lifts that client's throttling
Name = {OPER[0]}
Password = {OPER[1]}
"""
        if self.tls:
            conf += f"""\
[SSL]
CertFile = {self.cert}
KeyFile = {self.key}
DHFile = {self.dh}
Ports = {self.tls_port}
"""
        with open(self.conf, "w") as f:
            f.write(conf)

    def start(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        spawn(self.procs, "ngircd", ["ngircd", "-n", "-f", self.conf],
              self.dir, self.log)
        wait_for_port(self.port, deadline, self.procs)
        client = IrcClient(self.port, deadline)
        try:
            client.register(probe_nick())
        finally:
            client.close()
        if self.tls:
            # ngircd opened both listeners before it answered the plain
            # client; now a full TLS handshake, verified as a client would.
            context = ssl.create_default_context(cafile=self.cert)
            client = IrcClient(self.tls_port, deadline, context, "localhost")
            client.close()
        self.procs[0].check_alive()

    def ready_info(self):
        return {"ready": True, "server": self.name, "host": HOST,
                "port": self.port,
                "tls_port": self.tls_port if self.tls else None,
                "ca_file": self.cert if self.tls else None,
                "oper": list(OPER), "sasl": False, "account": None}

    def log_tail(self):
        return tail(self.log)


INSPIRCD_CONF = """\
<server name="irc.test" description="factbot test server" network="TestNet">
<admin name="test" nick="test" email="test@example.invalid">
<bind address="{host}" port="{port}" type="clients">
<bind address="{host}" port="{link_port}" type="servers">
{tls}<connect name="main" allow="*" timeout="20" pingfreq="120" hardsendq="1M" softsendq="10240" recvq="10K"
         threshold="1000" commandrate="100000" fakelag="no" localmax="1000" globalmax="1000"
         resolvehostnames="no" useident="no" limit="5000">
<module name="cap">
<module name="sasl">
<module name="services_account">
<module name="spanningtree">
<sasl target="services.test" requiressl="no">
<link name="services.test" ipaddr="{host}" port="{link_port}" allowmask="{host}/32" sendpass="{link_password}" recvpass="{link_password}">
<uline server="services.test" silent="yes">
<files motd="{dir}/motd.txt">
<pid file="{dir}/inspircd.pid">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="{dir}/ircd.log">
<options prefixquit="Quit: ">
<security hideserver="" userstats="Pu" customversion="">
<performance softlimit="1024" somaxconn="128">
<dns server="{host}" timeout="1">
"""

INSPIRCD_TLS_CONF = """\
<bind address="{host}" port="{tls_port}" type="clients" sslprofile="local">
<sslprofile name="local" provider="gnutls" certfile="{cert}" keyfile="{key}" dhfile="{dh}" requestclientcert="yes" hash="sha256">
<module name="ssl_gnutls">
<module name="sslinfo">
<module name="ircv3_sts">
<sts host="localhost" port="{tls_port}" duration="{sts_duration}">
"""

ATHEME_CONF = """\
loadmodule "modules/protocol/inspircd";
loadmodule "modules/backend/opensex";
loadmodule "modules/crypto/pbkdf2v2";
loadmodule "modules/nickserv/main";
loadmodule "modules/nickserv/register";
loadmodule "modules/nickserv/identify";
loadmodule "modules/nickserv/help";
loadmodule "modules/saslserv/main";
loadmodule "modules/saslserv/plain";
loadmodule "modules/saslserv/external";
loadmodule "modules/nickserv/cert";
pbkdf2v2 {{ }};
serverinfo {{
	name = "services.test";
	desc = "Atheme IRC Services";
	numeric = "00A";
	recontime = 1;
	netname = "TestNet";
	hidehostsuffix = "users.test";
	adminname = "test";
	adminemail = "test@example.invalid";
	registeremail = "noreply@example.invalid";
	loglevel = {{ error; info; admin; network; register; }};
	maxlogins = 50;
	maxusers = 50;
	mdlimit = 30;
	emaillimit = 10;
	emailtime = 300;
	auth = none;
	casemapping = rfc1459;
}};
uplink "irc.test" {{
	host = "{host}";
	send_password = "{link_password}";
	receive_password = "{link_password}";
	port = {link_port};
}};
nickserv {{
	nick = "NickServ";
	user = "NickServ";
	host = "services.test";
	real = "Nickname Services";
	maxnicks = 5;
	expire = 0;
}};
saslserv {{
	nick = "SaslServ";
	user = "SaslServ";
	host = "services.test";
	real = "SASL Authentication Agent";
}};
general {{
	flood_msgs = 0;
	flood_time = 10;
	ratelimit_uses = 0;
	ratelimit_period = 0;
	kline_time = 7;
	commit_interval = 1;
	default_clone_allowed = 1000;
	default_clone_warn = 1000;
	uplink_sendq_limit = 1048576;
	language = "en";
	immune_level = immune;
}};
"""


class Inspircd(Server):
    name = "inspircd"

    def __init__(self, args):
        super().__init__()
        self.dir = args.dir
        self.account = args.account
        self.password = args.password
        self.tls = args.tls
        self.sts_duration = args.sts_duration
        self.account_cert = args.account_cert
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        self.dh = os.path.join(self.dir, "dh.pem")
        self.tls_port = None
        self.ircd_conf = os.path.join(self.dir, "inspircd.conf")
        self.atheme_conf = os.path.join(self.dir, "atheme.conf")
        self.ircd_out = os.path.join(self.dir, "inspircd.out")
        self.ircd_log = os.path.join(self.dir, "ircd.log")
        self.atheme_out = os.path.join(self.dir, "atheme.out")
        self.atheme_log = os.path.join(self.dir, "atheme.log")
        self.port = self.link_port = None
        self.registered = False  # account registered in services.db

    def setup(self):
        self.port, self.link_port, self.tls_port = free_ports(3)
        values = dict(host=HOST, port=self.port, link_port=self.link_port,
                      link_password=LINK_PASSWORD, dir=self.dir, tls="")
        if self.tls:
            make_certificate(self.cert, self.key)
            run_openssl(["genpkey", "-genparam", "-algorithm", "DH",
                         "-pkeyopt", "group:ffdhe2048", "-out", self.dh])
            values["tls"] = INSPIRCD_TLS_CONF.format(
                host=HOST, tls_port=self.tls_port, cert=self.cert,
                key=self.key, dh=self.dh, sts_duration=self.sts_duration)
        with open(self.ircd_conf, "w") as f:
            f.write(INSPIRCD_CONF.format(**values))
        with open(self.atheme_conf, "w") as f:
            f.write(ATHEME_CONF.format(**values))
        with open(os.path.join(self.dir, "motd.txt"), "w") as f:
            f.write("factbot test server\n")
        # Atheme creates its database itself: start from an empty one.
        for name in ("services.db", "services.db.new"):
            try:
                os.remove(os.path.join(self.dir, name))
            except FileNotFoundError:
                pass

    def start(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        argv = ["inspircd", "--config", self.ircd_conf, "--nofork"]
        if os.geteuid() == 0:
            argv.append("--runasroot")  # it refuses root without it
        # Run from DIR with core files off: InspIRCd may crash on SIGTERM.
        spawn(self.procs, "inspircd", argv, self.dir, self.ircd_out)
        wait_for_port(self.port, deadline, self.procs)
        # Stopped first (reverse order): Atheme saves its database then.
        spawn(self.procs, "atheme-services",
              ["atheme-services", "-n", "-c", self.atheme_conf,
               "-D", self.dir, "-l", self.atheme_log,
               "-p", os.path.join(self.dir, "atheme.pid")],
              self.dir, self.atheme_out)
        self.wait_for_sasl(deadline)
        if self.account:
            # Atheme saves its database when stopped, so after a restart the
            # account is normally there already.
            if not (self.registered and self.sasl_login(
                    self.account, self.password, deadline)):
                self.register_account(deadline)
                if not self.sasl_login(self.account, self.password, deadline):
                    raise StartupError(
                        f"SASL PLAIN login as {self.account!r} failed (904)")
                if self.account_cert:
                    self.add_certificate(deadline)
            self.registered = True
        if self.tls:
            # A full handshake as a client would make it, with SNI.
            context = ssl.create_default_context(cafile=self.cert)
            IrcClient(self.tls_port, deadline, context, "localhost").close()
        for proc in self.procs:
            proc.check_alive()

    def wait_for_sasl(self, deadline):
        """Poll `CAP LS 302` until `sasl` is offered (Atheme has linked)."""
        while True:
            for proc in self.procs:
                proc.check_alive()
            client = IrcClient(self.port, deadline)
            try:
                client.send("CAP LS 302")
                caps = []
                while True:
                    _, command, params = client.read()
                    if (command == "CAP" and len(params) >= 3
                            and params[1] == "LS"):
                        caps += params[-1].split()
                        if params[2] != "*":  # "*" marks a continuation
                            break
            finally:
                client.close()
            if any(cap.split("=")[0] == "sasl" for cap in caps):
                return
            if time.monotonic() >= deadline:
                raise StartupError("services did not link: no sasl in CAP LS")
            time.sleep(0.1)

    def register_account(self, deadline):
        """NickServ REGISTER as nick NAME; an existing account is fine."""
        client = IrcClient(self.port, deadline)
        try:
            client.send(f"NICK {self.account}")
            client.send(f"USER {self.account[:10]} 0 * :ircd.py account setup")
            while True:
                _, command, params = client.read()
                if command == "001":
                    break
                if command in ("432", "433"):
                    raise StartupError(
                        f"cannot use account name {self.account!r} as a nick: "
                        + " ".join(params))
            client.send(f"PRIVMSG NickServ :REGISTER {self.password} "
                        "test@example.invalid")
            while True:
                prefix, command, params = client.read()
                sender = (prefix or "").split("!")[0].lower()
                if command == "401":  # NickServ not there yet: ask again
                    time.sleep(0.2)
                    client.send(f"PRIVMSG NickServ :REGISTER {self.password} "
                                "test@example.invalid")
                elif command == "NOTICE" and sender == "nickserv":
                    text = params[-1] if params else ""
                    if ("is now registered" in text
                            or "is already registered" in text):
                        return
                    # Sent on connect when the nick is already an account.
                    if not text.startswith("This nickname is registered"):
                        raise StartupError("NickServ REGISTER failed: " + text)
        finally:
            client.close()

    def add_certificate(self, deadline):
        """IDENTIFY, then NickServ CERT ADD with the SHA-256 fingerprint of
        --account-cert, as InspIRCd's sslinfo reports it (lowercase hex)."""
        with open(self.account_cert) as f:
            der = ssl.PEM_cert_to_DER_cert(f.read())
        fingerprint = hashlib.sha256(der).hexdigest()
        client = IrcClient(self.port, deadline)
        try:
            client.register(probe_nick())
            client.send(f"PRIVMSG NickServ :IDENTIFY {self.account} "
                        f"{self.password}")
            client.send(f"PRIVMSG NickServ :CERT ADD {fingerprint}")
            while True:
                prefix, command, params = client.read()
                sender = (prefix or "").split("!")[0].lower()
                if command != "NOTICE" or sender != "nickserv":
                    continue
                text = params[-1] if params else ""
                if fingerprint in text and ("Added" in text
                                            or "already" in text):
                    return
                if "You are now identified" in text or "logged in" in text:
                    continue
                raise StartupError("NickServ CERT ADD failed: " + text)
        finally:
            client.close()

    def sasl_login(self, account, password, deadline):
        """One SASL PLAIN exchange; True on 903, False on 904."""
        client = IrcClient(self.port, deadline)
        try:
            client.send("CAP LS 302")
            client.send(f"NICK {probe_nick()}")
            client.send("USER probe 0 * :ircd.py sasl check")
            client.send("CAP REQ :sasl")
            while True:
                _, command, params = client.read()
                is_cap = command == "CAP" and len(params) > 1
                reply = params[1] if is_cap else ""
                if reply == "ACK":
                    client.send("AUTHENTICATE PLAIN")
                elif reply == "NAK":
                    raise StartupError("server refused CAP REQ :sasl")
                elif command == "AUTHENTICATE" and params and params[0] == "+":
                    creds = f"{account}\0{account}\0{password}".encode()
                    encoded = base64.b64encode(creds).decode()
                    # 400-byte chunks; a full last chunk is followed by "+".
                    chunks = [encoded[i:i + 400]
                              for i in range(0, len(encoded), 400)]
                    if not chunks or len(chunks[-1]) == 400:
                        chunks.append("+")
                    for chunk in chunks:
                        client.send(f"AUTHENTICATE {chunk}")
                elif command == "903":
                    return True
                elif command in ("902", "904", "905", "906"):
                    return False
        finally:
            client.close()

    def ready_info(self):
        account = [self.account, self.password] if self.account else None
        return {"ready": True, "server": self.name, "host": HOST,
                "port": self.port,
                "tls_port": self.tls_port if self.tls else None,
                "ca_file": self.cert if self.tls else None,
                "oper": None, "sasl": True, "account": account}

    def log_tail(self):
        return "\n".join(
            f"== {os.path.basename(p)}\n{tail(p, 15)}"
            # atheme.log holds the same lines as atheme.out (-n echoes them)
            for p in (self.ircd_out, self.ircd_log, self.atheme_out))


# --------------------------------------------------------------------------


def run_openssl(args):
    try:
        subprocess.run(["openssl"] + args, check=True, timeout=STARTUP_TIMEOUT,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    except subprocess.CalledProcessError as e:
        raise StartupError(
            "openssl failed: " + e.stderr.decode(errors="replace"))
    except (OSError, subprocess.TimeoutExpired) as e:
        raise StartupError(f"openssl failed: {e}")


def make_certificate(cert, key):
    """Self-signed certificate for localhost / 127.0.0.1 (its own CA)."""
    run_openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes",
                 "-keyout", key, "-out", cert, "-days", "3650",
                 "-subj", "/CN=localhost",
                 "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])


def start_or_report(server):
    """Start the server and print the ready line; on failure stop it, print
    the failure line and return False."""
    try:
        try:
            server.start()
        except (OSError, TimeoutError, ssl.SSLError) as e:
            raise StartupError(f"{type(e).__name__}: {e}") from e
    except StartupError as e:
        server.stop()
        emit({"ready": False, "error": str(e), "log": server.log_tail()})
        return False
    emit(server.ready_info())
    return True


def main():
    parser = argparse.ArgumentParser(
        description="Run ngircd or InspIRCd+Atheme on loopback for tests; "
                    "see the module docstring for the stdin/stdout protocol.")
    parser.add_argument("server", choices=["ngircd", "inspircd"])
    parser.add_argument("--dir", required=True, help="scratch folder")
    parser.add_argument("--tls", action="store_true",
                        help="also serve TLS on a second port")
    parser.add_argument("--sts-duration", type=int, default=60,
                        help="inspircd --tls: the STS policy's duration")
    parser.add_argument("--account-cert",
                        help="inspircd: PEM certificate to CERT ADD")
    parser.add_argument("--account", help="inspircd: account to register")
    parser.add_argument("--password", help="inspircd: its password")
    args = parser.parse_args()
    if args.account_cert and not (args.account and args.tls):
        parser.error("--account-cert needs --account and --tls")
    if (args.account or args.password) and args.server != "inspircd":
        parser.error("--account/--password are for inspircd only")
    if bool(args.account) != bool(args.password):
        parser.error("--account and --password go together")
    needed = [args.server]
    if args.server == "inspircd":
        needed.append("atheme-services")
    if args.tls:
        needed.append("openssl")
    for program in needed:
        if shutil.which(program) is None:
            emit({"ready": False, "error": f"{program} is not installed",
                  "log": ""})
            return 1
    args.dir = os.path.abspath(args.dir)
    os.makedirs(args.dir, exist_ok=True)

    global WATCHDOG
    WATCHDOG = Watchdog()
    server = (Ngircd if args.server == "ngircd" else Inspircd)(args)
    stopping = [False]

    def cleanup():
        # Runs at most once per exit path; signals cannot interrupt it.
        signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED_SIGNALS)
        if not stopping[0]:
            stopping[0] = True
            server.stop()
            WATCHDOG.close()

    def on_signal(signum, frame):
        raise Shutdown(signum)

    atexit.register(cleanup)
    for signum in HANDLED_SIGNALS:
        signal.signal(signum, on_signal)

    try:
        try:
            server.setup()
        except (StartupError, OSError) as e:
            emit({"ready": False, "error": str(e), "log": ""})
            return 1
        if not start_or_report(server):
            return 1
        for line in sys.stdin:
            command = line.strip()
            if command == "stop":
                server.stop()
                emit({"stopped": True})
            elif command == "start":
                if server.running():
                    emit(server.ready_info())
                else:
                    server.stop()  # whatever is left of a crashed start
                    start_or_report(server)
            elif command:
                emit({"error": f"unknown command: {command}"})
        return 0  # EOF on stdin
    except Shutdown:
        return 0
    except BrokenPipeError:
        # Nobody reads our stdout any more: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        cleanup()


if __name__ == "__main__":
    sys.exit(main())
