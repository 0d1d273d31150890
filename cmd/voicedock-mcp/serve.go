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
)

// shutdownGrace bounds how long in-flight requests may finish after a
// signal before connections are closed.
const shutdownGrace = 10 * time.Second

// sessionIdleTTL is how long the state of an HTTP session that was never
// closed is kept after its last request.
const sessionIdleTTL = time.Hour

// serve runs the MCP server on the transport inv names until ctx ends or
// stdin reaches EOF.
func (a *app) serve(ctx context.Context, inv invocation, stdin io.Reader, stdout io.Writer) error {
	addr := inv.addr
	if addr == "" {
		addr = a.cfg.HTTPAddr
	}
	switch inv.command {
	case cmdHTTP:
		streamable := server.NewStreamableHTTPServer(a.mcp,
			server.WithEndpointPath("/mcp"),
			// Track sessions, so that a session this process never issued
			// or has ended gets 404 and the client starts a new one.
			server.WithStateful(true),
			server.WithSessionIdleTTL(sessionIdleTTL),
			server.WithHeartbeatInterval(a.cfg.Heartbeat),
			server.WithStreamableHTTPLogger(a.logger),
			// hostGuard checks Host and Origin for every route, with the
			// operator's allow-lists; mcp-go's own check knows neither.
			server.WithDisableLocalhostProtection(true),
		)
		mux := http.NewServeMux()
		mux.Handle("/mcp", requireSession(streamable))
		return a.serveHTTP(ctx, addr, "streamable HTTP", "/mcp", mux, streamable.CloseSessions)
	case cmdSSE:
		sse := server.NewSSEServer(a.mcp, a.sseOptions()...)
		closeSessions := func(context.Context) { sse.CloseSessions() }
		return a.serveHTTP(ctx, addr, "HTTP+SSE", "/sse", sse, closeSessions)
	}
	return a.serveStdio(ctx, stdin, stdout)
}

func (a *app) serveStdio(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	stdio := server.NewStdioServer(a.mcp)
	stdio.SetErrorLogger(slog.NewLogLogger(a.logger.Handler(), slog.LevelError))
	err := stdio.Listen(ctx, stdin, stdout)
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

func (a *app) sseOptions() []server.SSEOption {
	opts := []server.SSEOption{
		server.WithSSEEndpoint("/sse"),
		server.WithMessageEndpoint("/message"),
		server.WithKeepAlive(true),
		server.WithKeepAliveInterval(a.cfg.Heartbeat),
		server.WithSSEDisableLocalhostProtection(true), // hostGuard does it, see cmdHTTP
	}
	if a.cfg.PublicURL != "" {
		// Behind a proxy the endpoint event must name the public address.
		return append(opts, server.WithBaseURL(a.cfg.PublicURL), server.WithUseFullURLForMessageEndpoint(true))
	}
	// Otherwise a relative endpoint, which resolves against whatever address
	// the client used.
	return append(opts, server.WithUseFullURLForMessageEndpoint(false))
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
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           newHostGuard(handler, a.cfg.AllowedHosts, a.cfg.AllowedOrigins),
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

	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	closeSessions(shutdownCtx)
	if err := srv.Shutdown(shutdownCtx); err != nil {
		a.logger.Warn("shutdown grace period over; closing connections", "error", err.Error())
		return srv.Close()
	}
	return nil
}
