// Command voicedock-mcp is a Model Context Protocol server for the VoiceDock
// voice AI platform (the HMS Sovereign v1 API). It serves MCP over stdio,
// streamable HTTP or legacy HTTP+SSE, and runs single tool calls from the
// shell. See the README for configuration.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed, or a tool answered isError
	exitUsage = 2 // the command line or configuration is wrong
)

// defaultGCPercent trades a little CPU for memory: the server is idle most
// of the time and runs beside desktop apps, and at Go's default of 100 its
// peak RSS passes the 20 MB target (docs/performance.md). GOGC overrides it.
const defaultGCPercent = 50

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(defaultGCPercent)
	}
	os.Exit(run(os.Args[1:], environ(), os.Stdin, os.Stdout, os.Stderr))
}

// environ returns the process environment as a map.
func environ() map[string]string {
	m := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

// run executes one command line and returns the exit status. stdout is
// written only by the stdio transport and the shell commands; everything
// else goes to stderr.
func run(args []string, env map[string]string, stdin io.Reader, stdout, stderr io.Writer) int {
	inv, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n\n%s", err, usage)
		return exitUsage
	}
	switch {
	case inv.help:
		fmt.Fprint(stdout, usage)
		return exitOK
	case inv.command == cmdVersion:
		fmt.Fprintf(stdout, "voicedock-mcp %s\n", buildVersion())
		return exitOK
	}

	cfg, err := loadConfig(env)
	if err == nil {
		err = cfg.selectTools(inv)
	}
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n", err)
		return exitUsage
	}
	level := cfg.LogLevel
	if _, set := env["HMS_SOVEREIGN_LOG_LEVEL"]; !set && inv.isShellCommand() {
		level = slog.LevelWarn // a one-off command prints its answer, not a server's info lines
	}
	logger := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	a, err := newApp(cfg, inv.sandbox, logger, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n", err)
		return exitError
	}
	defer a.close()

	switch inv.command {
	case cmdCheck:
		return a.check(ctx, stdout, stderr)
	case cmdToolsList:
		return a.listTools(ctx, stdout, stderr)
	case cmdToolsCall:
		return a.callTool(ctx, inv.toolName, inv.toolArgs, stdout, stderr)
	case cmdTokens:
		return a.printTokens(stdout)
	}

	a.warnAtStart()
	if err := a.serve(ctx, inv, stdin, stdout); err != nil {
		logger.Error("server stopped", "error", err.Error())
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n", err)
		return exitError
	}
	return exitOK
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
