package sandbox

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Running is a sandbox served on a loopback port.
type Running struct {
	*Server
	// URL is the API base URL, e.g. http://127.0.0.1:41234/api/v1.
	URL string
	srv *http.Server
}

// Start serves a new sandbox on an ephemeral loopback port.
func Start(opts Options) (*Running, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := New(opts)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns once Close shuts the server down; nothing to report.
	go func() { _ = srv.Serve(ln) }()
	return &Running{Server: s, URL: "http://" + ln.Addr().String() + BasePath, srv: srv}, nil
}

// Close stops serving at once.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := r.srv.Shutdown(ctx); err != nil {
		return r.srv.Close()
	}
	return nil
}
