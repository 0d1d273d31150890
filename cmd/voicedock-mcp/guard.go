package main

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/voicedock/voicedock-mcp/internal/loopback"
)

// hostGuard protects the HTTP transports from DNS rebinding and from web
// pages: a request must name an allowed Host, and a browser request (one
// with an Origin) must come from an allowed origin. Loopback names are
// always allowed; anything else only when the operator lists it.
type hostGuard struct {
	next    http.Handler
	hosts   map[string]bool // lower-case host, or host:port
	origins map[string]bool // lower-case scheme://host[:port]
}

func newHostGuard(next http.Handler, hosts, origins []string) *hostGuard {
	g := &hostGuard{next: next, hosts: map[string]bool{}, origins: map[string]bool{}}
	for _, h := range hosts {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			g.hosts[h] = true
		}
	}
	for _, o := range origins {
		if o = strings.ToLower(strings.TrimRight(strings.TrimSpace(o), "/")); o != "" {
			g.origins[o] = true
		}
	}
	return g
}

func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.hostAllowed(r.Host) {
		http.Error(w, fmt.Sprintf("forbidden: Host %q is not allowed; to serve it, add it to "+
			"HMS_SOVEREIGN_ALLOWED_HOSTS (protection against DNS rebinding)", r.Host), http.StatusForbidden)
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && !g.originAllowed(origin) {
		http.Error(w, fmt.Sprintf("forbidden: Origin %q is not allowed; to accept it, add it to "+
			"HMS_SOVEREIGN_ALLOWED_ORIGINS", origin), http.StatusForbidden)
		return
	}
	g.next.ServeHTTP(w, r)
}

func (g *hostGuard) hostAllowed(hostport string) bool {
	hostport = strings.ToLower(hostport)
	host := hostOnly(hostport)
	return loopback.Host(host) || g.hosts[hostport] || g.hosts[host]
}

func (g *hostGuard) originAllowed(origin string) bool {
	origin = strings.ToLower(strings.TrimRight(origin, "/"))
	if g.origins[origin] {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false // includes the opaque origin "null"
	}
	return loopback.Host(u.Hostname()) || g.hosts[u.Host] || g.hosts[u.Hostname()]
}

// hostOnly strips a port from host[:port] or [v6]:port.
func hostOnly(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.Trim(hostport, "[]")
}
