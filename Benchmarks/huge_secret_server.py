# A loopback server that answers POST /webhooks with a created webhook whose secret is SIZE bytes.
# Usage: huge_secret_server.py PORT SIZE (for Benchmarks/huge-secret).
import http.server, json, sys
size = int(sys.argv[2])
body = json.dumps({"success": True, "webhook": {"uuid": "u-1", "name": "Big", "url": "https://e.com/b", "events": ["inbound.spam"], "status": 1, "secret": "whsec_" + "s" * size}}).encode()
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
