package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/internal/loopback"
)

// shutdownGrace bounds how long in-flight requests may finish after a
// signal before connections are closed.
const shutdownGrace = 10 * time.Second

// cancelGrace is the end of the shutdown grace period kept for tool calls
// still running to be canceled and deliver that result.
const cancelGrace = 2 * time.Second

// sessionIdleTTL is how long the state of an HTTP session that was never
// closed is kept after its last request.
const sessionIdleTTL = time.Hour

// serve runs the MCP server on the transport inv names until ctx ends or
// stdin reaches EOF.
func (a *app) serve(ctx context.Context, inv invocation, stdin io.Reader, stdout io.Writer) error {
	addr := inv.addr
	if !inv.addrSet {
		addr = a.cfg.HTTPAddr
	}
	switch inv.command {
	case cmdHTTP:
		// Sessions are tracked, so that one this process never issued or
		// has ended gets 404 and the client starts a new one.
		sessions := &server.InsecureStatefulSessionIdManager{}
		streamable := server.NewStreamableHTTPServer(a.mcp,
			server.WithEndpointPath("/mcp"),
			server.WithSessionIdManager(sessions),
			server.WithSessionIdleTTL(sessionIdleTTL),
			server.WithHeartbeatInterval(a.cfg.Heartbeat),
			server.WithStreamableHTTPLogger(a.logger),
			// hostGuard checks Host and Origin for every route, with the
			// operator's allow-lists; mcp-go's own check knows neither.
			server.WithDisableLocalhostProtection(true),
		)
		mux := http.NewServeMux()
		mux.Handle("/mcp", requireSession(sessions, streamable))
		return a.serveHTTP(ctx, addr, "streamable HTTP", "/mcp", mux, streamable.CloseSessions)
	case cmdSSE:
		sse := server.NewSSEServer(a.mcp, a.sseOptions()...)
		mux := http.NewServeMux()
		mux.Handle("/sse", sse.SSEHandler())
		mux.Handle("/message", sse.MessageHandler())
		closeSessions := func(context.Context) { sse.CloseSessions() }
		return a.serveHTTP(ctx, addr, "HTTP+SSE", "/sse", mux, closeSessions)
	}
	return a.serveStdio(ctx, stdin, stdout)
}

// stdioWorkers is how many tool calls run at once over stdio. A call's
// budget starts when a worker takes it, so the pool is large enough that
// calls do not wait in line: the pacer, not the pool, limits the API load.
const stdioWorkers = 64

func (a *app) serveStdio(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	stdio := server.NewStdioServer(a.mcp)
	stdio.SetErrorLogger(slog.NewLogLogger(a.logger.Handler(), slog.LevelError))
	server.WithWorkerPoolSize(stdioWorkers)(stdio)
	server.WithQueueSize(stdioWorkers * 4)(stdio)
	err := stdio.Listen(ctx, stdin, stdout)
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// sseOptions configure the legacy transport. The endpoint event is always
// an absolute path, which a client resolves against the address it used for
// /sse, so it never names an internal address. Behind a proxy that serves
// the server under a path prefix (the path of HMS_SOVEREIGN_PUBLIC_URL),
// the prefix leads the path; the routes themselves stay at /sse and
// /message, as the proxy strips the prefix.
func (a *app) sseOptions() []server.SSEOption {
	prefix := publicPathPrefix(a.cfg.PublicURL)
	return []server.SSEOption{
		server.WithSSEEndpoint("/sse"),
		server.WithMessageEndpoint("/message"),
		server.WithDynamicBasePath(func(*http.Request, string) string { return prefix }),
		server.WithUseFullURLForMessageEndpoint(false),
		server.WithKeepAlive(true),
		server.WithKeepAliveInterval(a.cfg.Heartbeat),
		server.WithSSEDisableLocalhostProtection(true), // hostGuard does it, see cmdHTTP
	}
}

// serveHTTP listens on addr and serves handler behind the Host and Origin
// guard until ctx ends, then shuts down: open streams are closed first so
// that shutdown does not wait on clients that never disconnect.
func (a *app) serveHTTP(ctx context.Context, addr, transport, path string, handler http.Handler,
	closeSessions func(context.Context)) error {
	if !isLoopbackAddr(addr) && len(a.cfg.AllowedHosts) == 0 {
		a.logger.Warn("listening beyond loopback; requests are refused unless their Host is listed in "+
			"HMS_SOVEREIGN_ALLOWED_HOSTS", "addr", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (another program may be using it; choose another with --addr)", addr, err)
	}
	srv := &http.Server{
		Handler:           newHostGuard(limitBody(handler), a.cfg.AllowedHosts, a.cfg.AllowedOrigins),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(a.stderr, "voicedock-mcp: MCP over %s at http://%s%s\n", transport, ln.Addr(), path)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}

	// Stop accepting, let tool calls in flight deliver their results (over
	// SSE they travel on the open stream), then end the streams so that
	// Shutdown can return; after the grace period, cut what is left.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	stopped := make(chan error, 1)
	go func() { stopped <- srv.Shutdown(shutdownCtx) }()
	drainCtx, cancelDrain := context.WithTimeout(shutdownCtx, shutdownGrace-cancelGrace)
	a.calls.wait(drainCtx)
	cancelDrain()
	a.calls.cancelAll() // what would outlast the grace ends now, with a result
	a.calls.wait(shutdownCtx)
	closeSessions(shutdownCtx)
	if err := <-stopped; err != nil {
		a.logger.Warn("shutdown grace period over; closing connections", "error", err.Error())
		return srv.Close()
	}
	return nil
}

// maxRequestBody bounds an HTTP request body; MCP messages are small.
const maxRequestBody = 4 << 20

// limitBody refuses request bodies over maxRequestBody.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxRequestBody {
			http.Error(w, "request body too large (over 4 MB)", http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBody)
		next.ServeHTTP(w, r)
	})
}

// isLoopbackAddr reports whether a listen address binds loopback only.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	return loopback.Host(host)
}
