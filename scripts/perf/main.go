// Command perf measures voicedock-mcp against its performance targets and
// prints a small table:
//
//   - tools/call get_account_information latency over the server's stdio,
//     against a direct HTTP GET /organizations to the same sandbox with the same
//     key: p50, p90 and p99 of each and their ratio (target: p50 ratio at
//     most 1.2). A ping over the same stdio shows what the transport alone
//     costs;
//   - cold start, from exec until the initialize response is read (target:
//     under 20 ms at the median);
//   - peak resident memory (VmHWM) of the stdio server after the latency
//     run (target: under 20 MB).
//
// It builds the server binary into a temporary directory, serves the
// sandbox API in this process on a loopback port with a rate limit too high
// to matter, and talks to nothing else. Run it from anywhere inside the
// module:
//
//	go run ./scripts/perf [-n 2000] [-runs 30] [-server-env GOMAXPROCS=1] [-bin PATH]
//
// -bin measures a binary built elsewhere instead, e.g. to compare a change
// to the server against the current one in two runs.
//
// A target that is not met is reported, not treated as a failure: the exit
// status is 1 only when a measurement could not be taken.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// Targets of the issue.
const (
	maxRatioP50  = 1.2
	maxColdStart = 20 * time.Millisecond
	maxPeakRSS   = 20_000_000 // bytes: 20 MB
)

// rateLimit is the requests per minute both the sandbox and the server are
// configured with: far above what a run sends, so neither paces nor refuses.
const rateLimit = 1_000_000

// Messages the stdio client sends. The protocol version is the one the
// server is tested against.
const (
	initializeRequest = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
		`"capabilities":{},"clientInfo":{"name":"perf","version":"1"}}}` + "\n"
	initializedNotification = `{"jsonrpc":"2.0","method":"notifications/initialized"}` + "\n"
	toolCallFormat          = `{"jsonrpc":"2.0","id":%d,"method":"tools/call",` +
		`"params":{"name":"get_account_information","arguments":{}}}` + "\n"
	pingFormat = `{"jsonrpc":"2.0","id":%d,"method":"ping"}` + "\n"
)

// envList collects repeated -server-env flags.
type envList []string

func (e *envList) String() string { return strings.Join(*e, " ") }

func (e *envList) Set(kv string) error {
	if name, _, ok := strings.Cut(kv, "="); !ok || name == "" {
		return errors.New("want NAME=VALUE")
	}
	*e = append(*e, kv)
	return nil
}

func main() {
	var cfg config
	flag.IntVar(&cfg.n, "n", 2000, "sequential round trips measured on each path")
	flag.IntVar(&cfg.warmup, "warmup", 100, "round trips on each path before measuring")
	flag.IntVar(&cfg.runs, "runs", 30, "cold starts measured")
	flag.StringVar(&cfg.bin, "bin", "", "server binary to measure instead of building ./cmd/voicedock-mcp")
	flag.Var(&cfg.serverEnv, "server-env", "extra NAME=VALUE for the server's environment, e.g. GOMAXPROCS=1 (repeatable)")
	timeout := flag.Duration("timeout", 5*time.Minute, "bound on the whole run")
	flag.Parse()
	if cfg.n < 1 || cfg.runs < 1 || cfg.warmup < 0 {
		fmt.Fprintln(os.Stderr, "perf: -n and -runs must be positive, -warmup not negative")
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintf(os.Stderr, "perf: %v\n", err)
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	n, warmup, runs int
	bin             string
	serverEnv       envList
}

// run takes every measurement and prints the report.
func run(ctx context.Context, cfg config) error {
	bin := cfg.bin
	if bin == "" {
		dir, err := os.MkdirTemp("", "voicedock-perf-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "voicedock-mcp")
		if err := buildServer(ctx, bin); err != nil {
			return err
		}
	}

	sb, err := sandbox.Start(sandbox.Options{RateLimit: rateLimit, RateWindow: time.Minute})
	if err != nil {
		return fmt.Errorf("start sandbox: %w", err)
	}
	defer sb.Close()
	// The server gets exactly this environment and -server-env, so that no
	// key or setting of the caller's leaks in.
	env := append([]string{
		"HMS_SOVEREIGN_API_KEY=" + sandbox.DemoKey,
		"HMS_SOVEREIGN_BASE_URL=" + sb.URL,
		"HMS_SOVEREIGN_LOG_LEVEL=error",
		"HMS_SOVEREIGN_RATE_LIMIT=" + strconv.Itoa(rateLimit),
	}, cfg.serverEnv...)

	cold, err := measureColdStarts(ctx, bin, env, cfg.runs)
	if err != nil {
		return fmt.Errorf("cold start: %w", err)
	}
	lat, err := measureLatency(ctx, bin, env, sb.URL, cfg.n, cfg.warmup)
	if err != nil {
		return fmt.Errorf("latency: %w", err)
	}
	report(os.Stdout, cfg, cold, lat)
	return nil
}

// buildServer builds the server binary at bin from the module this
// program belongs to, wherever it is run from.
func buildServer(ctx context.Context, bin string) error {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == os.DevNull {
		return errors.New("run this from inside the voicedock-mcp module (go env GOMOD names no go.mod)")
	}
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/voicedock-mcp")
	build.Dir = filepath.Dir(gomod)
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	return nil
}

// measureColdStarts execs the server runs times, after one untimed run that
// brings the binary into the page cache, and returns how long each took
// from exec until its initialize response was read.
func measureColdStarts(ctx context.Context, bin string, env []string, runs int) ([]time.Duration, error) {
	times := make([]time.Duration, 0, runs)
	for i := -1; i < runs; i++ {
		start := time.Now()
		s, err := startServer(ctx, bin, env)
		if err != nil {
			return nil, err
		}
		if err := s.initialize(); err != nil {
			s.kill()
			return nil, err
		}
		elapsed := time.Since(start)
		if err := s.close(); err != nil {
			return nil, err
		}
		if i >= 0 {
			times = append(times, elapsed)
		}
	}
	return times, nil
}

// latency is what measureLatency found.
type latency struct {
	toolCall, direct, ping []time.Duration
	peakRSS                int64 // bytes
}

// measureLatency starts one server session and times n sequential rounds,
// each one tool call over its stdio, one direct GET /organizations and one ping
// over its stdio, so that all three see the same machine conditions. It
// then reads the server's peak resident memory.
func measureLatency(ctx context.Context, bin string, env []string, baseURL string, n, warmup int) (latency, error) {
	s, err := startServer(ctx, bin, env)
	if err != nil {
		return latency{}, err
	}
	defer s.kill()
	if err := s.initialize(); err != nil {
		return latency{}, err
	}
	if _, err := io.WriteString(s.stdin, initializedNotification); err != nil {
		return latency{}, fmt.Errorf("write notifications/initialized: %w", err)
	}

	get, err := newDirectGET(baseURL)
	if err != nil {
		return latency{}, err
	}
	defer get.client.CloseIdleConnections()

	lat := latency{
		toolCall: make([]time.Duration, 0, n),
		direct:   make([]time.Duration, 0, n),
		ping:     make([]time.Duration, 0, n),
	}
	id := int64(1) // initialize had id 1
	for i := range warmup + n {
		id++
		toolCallTime, err := s.toolCall(id)
		if err != nil {
			return latency{}, err
		}
		directTime, err := get.do(ctx)
		if err != nil {
			return latency{}, err
		}
		id++
		pingTime, err := s.ping(id)
		if err != nil {
			return latency{}, err
		}
		if i >= warmup {
			lat.toolCall = append(lat.toolCall, toolCallTime)
			lat.direct = append(lat.direct, directTime)
			lat.ping = append(lat.ping, pingTime)
		}
	}

	if lat.peakRSS, err = peakRSS(s.cmd.Process.Pid); err != nil {
		return latency{}, err
	}
	return lat, s.close()
}

// server is one running server process spoken to over its stdio.
type server struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *bytes.Buffer
}

// startServer execs the server binary in its default stdio mode with
// exactly env as its environment.
func startServer(ctx context.Context, bin string, env []string) (*server, error) {
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	s := &server{cmd: cmd, stderr: new(bytes.Buffer)}
	cmd.Stderr = s.stderr
	var err error
	if s.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.stdout = bufio.NewReaderSize(stdout, 64<<10)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start server: %w", err)
	}
	return s, nil
}

// initialize sends the initialize request and reads its response, which
// must be a result.
func (s *server) initialize() error {
	if _, err := io.WriteString(s.stdin, initializeRequest); err != nil {
		return fmt.Errorf("write initialize: %w", err)
	}
	line, err := s.readLine(1)
	if err == nil {
		_, err = responseResult(line)
	}
	if err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	return nil
}

// toolCall sends tools/call get_account_information with id and returns
// the time from writing the request until its response line was read. It
// fails unless the tool answered a result that is not an error.
func (s *server) toolCall(id int64) (time.Duration, error) {
	elapsed, result, err := s.roundTrip(fmt.Appendf(nil, toolCallFormat, id), id)
	if err != nil {
		return 0, fmt.Errorf("tools/call: %w", err)
	}
	var tool struct {
		IsError bool `json:"isError"`
	}
	if err := json.Unmarshal(result, &tool); err != nil || tool.IsError {
		return 0, fmt.Errorf("get_account_information did not succeed: %q", truncate(result, 300))
	}
	return elapsed, nil
}

// ping sends a ping with id and returns the round-trip time.
func (s *server) ping(id int64) (time.Duration, error) {
	elapsed, _, err := s.roundTrip(fmt.Appendf(nil, pingFormat, id), id)
	if err != nil {
		return 0, fmt.Errorf("ping: %w", err)
	}
	return elapsed, nil
}

// roundTrip writes request and returns the time until the response with id
// was read, and that response's result.
func (s *server) roundTrip(request []byte, id int64) (time.Duration, json.RawMessage, error) {
	start := time.Now()
	if _, err := s.stdin.Write(request); err != nil {
		return 0, nil, fmt.Errorf("write: %w", err)
	}
	line, err := s.readLine(id)
	elapsed := time.Since(start)
	if err != nil {
		return 0, nil, err
	}
	result, err := responseResult(line)
	return elapsed, result, err
}

// readLine reads stdout lines until the JSON-RPC response with id, skipping
// notifications. Anything on stdout that is not a JSON-RPC 2.0 message is
// an error: stdout belongs to the protocol.
func (s *server) readLine(id int64) ([]byte, error) {
	want := strconv.FormatInt(id, 10)
	for {
		line, err := s.stdout.ReadBytes('\n')
		if err != nil {
			return nil, fmt.Errorf("reading server stdout: %w%s", err, s.stderrNote())
		}
		var msg struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
		}
		if err := json.Unmarshal(line, &msg); err != nil || msg.JSONRPC != "2.0" {
			return nil, fmt.Errorf("server wrote something other than JSON-RPC to stdout: %q", truncate(line, 200))
		}
		if string(msg.ID) == want {
			return line, nil
		}
	}
}

// responseResult returns the result of a JSON-RPC response line, or its
// error.
func responseResult(line []byte) (json.RawMessage, error) {
	var resp struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(line, &resp); err != nil {
		return nil, err
	}
	if resp.Error != nil {
		return nil, fmt.Errorf("JSON-RPC error %d: %s", resp.Error.Code, resp.Error.Message)
	}
	if resp.Result == nil {
		return nil, fmt.Errorf("response has neither result nor error: %q", truncate(line, 200))
	}
	return resp.Result, nil
}

// close ends the session as a client does, by closing stdin, and waits for
// the server to exit. A non-zero exit status is an error.
func (s *server) close() error {
	s.stdin.Close()
	if err := s.cmd.Wait(); err != nil {
		return fmt.Errorf("server exit: %w%s", err, s.stderrNote())
	}
	return nil
}

// kill stops the server if it is still running; it is harmless after close.
func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill() // it may have exited already
		_ = s.cmd.Wait()         // reaps it; the exit status is of no interest
	}
}

// stderrNote quotes the server's stderr for an error message, if any.
func (s *server) stderrNote() string {
	if s.stderr.Len() == 0 {
		return ""
	}
	return fmt.Sprintf("; server stderr: %q", truncate(s.stderr.Bytes(), 500))
}

// directGET is a keep-alive HTTP client for GET /organizations with the demo key.
type directGET struct {
	client *http.Client
	url    string
}

func newDirectGET(baseURL string) (*directGET, error) {
	transport, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return nil, errors.New("http.DefaultTransport is not an *http.Transport")
	}
	return &directGET{client: &http.Client{Transport: transport.Clone()}, url: baseURL + "/organizations"}, nil
}

// do sends one GET /organizations and returns the time until its body was read.
func (g *directGET) do(ctx context.Context) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+sandbox.DemoKey)
	req.Header.Set("Accept", "application/json")

	start := time.Now()
	resp, err := g.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("GET /organizations: %w", err)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	elapsed := time.Since(start)
	resp.Body.Close()
	switch {
	case err != nil:
		return 0, fmt.Errorf("GET /organizations: reading body: %w", err)
	case resp.StatusCode != http.StatusOK:
		return 0, fmt.Errorf("GET /organizations answered %s", resp.Status)
	}
	return elapsed, nil
}

// peakRSS reads a process's peak resident set size (VmHWM) in bytes.
func peakRSS(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("peak RSS (needs Linux /proc): %w", err)
	}
	for line := range strings.Lines(string(status)) {
		if value, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kB, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("peak RSS: unreadable VmHWM line %q", line)
			}
			return kB << 10, nil
		}
	}
	return 0, errors.New("peak RSS: no VmHWM line in /proc status")
}

// report prints the measurements and one verdict line per target.
func report(w io.Writer, cfg config, cold []time.Duration, lat latency) {
	toolCall, direct, ping := percentiles(lat.toolCall), percentiles(lat.direct), percentiles(lat.ping)
	coldP := percentiles(cold)
	ratio := [3]float64{}
	for i := range ratio {
		ratio[i] = float64(toolCall[i]) / float64(direct[i])
	}

	fmt.Fprintf(w, "voicedock-mcp performance: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.Version())
	if cfg.bin != "" {
		fmt.Fprintf(w, "server binary: %s\n", cfg.bin)
	}
	if len(cfg.serverEnv) > 0 {
		fmt.Fprintf(w, "server environment adds: %s\n", cfg.serverEnv.String())
	}
	fmt.Fprintf(w, "\n%d rounds after %d warm-up rounds; each round one of each, in this order\n", cfg.n, cfg.warmup)
	const row = "%-36s %10s %10s %10s\n"
	fmt.Fprintf(w, row, "round trip", "p50", "p90", "p99")
	fmt.Fprintf(w, row, "tools/call over stdio", us(toolCall[0]), us(toolCall[1]), us(toolCall[2]))
	fmt.Fprintf(w, row, "direct GET /organizations", us(direct[0]), us(direct[1]), us(direct[2]))
	fmt.Fprintf(w, row, "ping over stdio (transport alone)", us(ping[0]), us(ping[1]), us(ping[2]))
	fmt.Fprintf(w, row, "ratio tools/call / direct GET", fmt.Sprintf("%.2f", ratio[0]),
		fmt.Sprintf("%.2f", ratio[1]), fmt.Sprintf("%.2f", ratio[2]))

	fmt.Fprintf(w, "\ncold start, exec to initialize response (%d runs): median %s, p90 %s\n", cfg.runs,
		ms(coldP[0]), ms(coldP[1]))
	fmt.Fprintf(w, "peak RSS (VmHWM) of the stdio server after the rounds: %s\n\n", mb(lat.peakRSS))

	verdict(w, fmt.Sprintf("tools/call p50 ratio <= %.1f", maxRatioP50), fmt.Sprintf("%.2f", ratio[0]),
		ratio[0] <= maxRatioP50)
	verdict(w, "cold start median < "+ms(maxColdStart), ms(coldP[0]), coldP[0] < maxColdStart)
	verdict(w, "peak RSS < "+mb(maxPeakRSS), mb(lat.peakRSS), lat.peakRSS < maxPeakRSS)
}

// verdict prints one target line.
func verdict(w io.Writer, target, measured string, met bool) {
	outcome := "met"
	if !met {
		outcome = "NOT MET"
	}
	fmt.Fprintf(w, "target %-32s measured %-9s %s\n", target, measured, outcome)
}

// percentiles returns the p50, p90 and p99 of ds by nearest rank.
func percentiles(ds []time.Duration) [3]time.Duration {
	sorted := slices.Sorted(slices.Values(ds))
	rank := func(p float64) time.Duration {
		i := int(math.Ceil(p*float64(len(sorted)))) - 1
		return sorted[max(i, 0)]
	}
	return [3]time.Duration{rank(0.50), rank(0.90), rank(0.99)}
}

func us(d time.Duration) string { return fmt.Sprintf("%d µs", d.Microseconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func mb(bytes int64) string { return fmt.Sprintf("%.1f MB", float64(bytes)/1e6) }

// truncate returns b as a string of at most n bytes, marking a cut.
func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
