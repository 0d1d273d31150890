package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// runTempDir holds files shared by every test of one run, such as the
// built server binary; TestMain removes it.
var runTempDir struct {
	once sync.Once
	path string
	err  error
}

func tempDirForRun() (string, error) {
	runTempDir.once.Do(func() {
		runTempDir.path, runTempDir.err = os.MkdirTemp("", "voicedock-mcp-test-")
	})
	return runTempDir.path, runTempDir.err
}

// TestMain removes the run's shared files once every test has run.
func TestMain(m *testing.M) {
	code := m.Run()
	if runTempDir.path != "" {
		_ = os.RemoveAll(runTempDir.path) // best effort: a leftover temp dir harms nothing
	}
	os.Exit(code)
}

// builtServer is the server binary, built once per test run.
var builtServer struct {
	once sync.Once
	path string
	err  error
}

// serverBinary builds ./cmd/voicedock-mcp into a temporary directory once
// and returns its path.
func serverBinary(t *testing.T) string {
	t.Helper()
	builtServer.once.Do(func() {
		dir, err := tempDirForRun()
		if err != nil {
			builtServer.err = err
			return
		}
		builtServer.path = filepath.Join(dir, "voicedock-mcp")
		cmd := exec.Command("go", "build", "-o", builtServer.path, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtServer.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, builtServer.err)
	return builtServer.path
}

// testEnv is a server environment built from scratch, so that the
// developer's own variables never leak in. An empty key leaves every key
// variable unset.
func testEnv(baseURL, key string, extra ...string) []string {
	env := []string{"PATH=/usr/bin:/bin", "HOME=/nonexistent",
		"HMS_SOVEREIGN_BASE_URL=" + baseURL, "HMS_SOVEREIGN_REQUEST_TIMEOUT=2s", "HMS_SOVEREIGN_CALL_BUDGET=3s"}
	if key != "" {
		env = append(env, "HMS_SOVEREIGN_API_KEY="+key)
	}
	return append(env, extra...)
}

var listenLine = regexp.MustCompile(`MCP over (?:streamable HTTP|HTTP\+SSE) at (http://\S+)`)

// serverProcess is the binary serving http or sse.
type serverProcess struct {
	URL    string // the …/mcp or …/sse URL it printed
	cmd    *exec.Cmd
	exited chan error
}

// terminate sends SIGTERM and returns the exit error, failing the test if
// the process is still running after limit.
func (p *serverProcess) terminate(t *testing.T, limit time.Duration) error {
	t.Helper()
	p.sigterm(t)
	return p.waitExit(t, limit)
}

func (p *serverProcess) sigterm(t *testing.T) {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
}

// waitExit returns the exit error, failing the test if the process is
// still running after limit.
func (p *serverProcess) waitExit(t *testing.T, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-p.exited:
		p.exited <- err // for the cleanup
		return err
	case <-time.After(limit):
		t.Fatalf("server still running %s after SIGTERM", limit)
		return nil
	}
}

// startServer starts the binary in http or sse mode on an ephemeral
// loopback port. When the test ends the process gets SIGTERM and must exit
// 0; its stderr is logged if the test failed.
func startServer(t *testing.T, mode string, env []string) *serverProcess {
	t.Helper()
	stderr := &syncBuffer{}
	p := &serverProcess{cmd: exec.Command(serverBinary(t), mode, "--addr", "127.0.0.1:0"), exited: make(chan error, 1)}
	p.cmd.Env, p.cmd.Stderr = env, stderr
	require.NoError(t, p.cmd.Start())
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-p.exited:
			assert.NoError(t, err, "exit status after SIGTERM")
		case <-time.After(shutdownGrace + 2*time.Second):
			_ = p.cmd.Process.Kill()
			t.Errorf("%s server did not stop after SIGTERM", mode)
		}
		if t.Failed() {
			t.Logf("server stderr:\n%s", stderr)
		}
	})

	deadline := time.After(10 * time.Second)
	for {
		if m := listenLine.FindStringSubmatch(stderr.String()); m != nil {
			p.URL = m[1]
			return p
		}
		select {
		case err := <-p.exited:
			p.exited <- err
			t.Fatalf("server exited before listening (%v):\n%s", err, stderr)
		case <-deadline:
			t.Fatalf("server printed no listen address:\n%s", stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// startListening starts the binary in http or sse mode and returns its URL.
func startListening(t *testing.T, mode string, env []string) string {
	t.Helper()
	return startServer(t, mode, env).URL
}

// startSandbox serves a sandbox for one test.
func startSandbox(t *testing.T, opts sandbox.Options) *sandbox.Running {
	t.Helper()
	api, err := sandbox.Start(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = api.Close() })
	return api
}

// spentSandbox starts a sandbox that allows one request per minute and
// spends it, so the server's first request is answered 429.
func spentSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	sb := startSandbox(t, sandbox.Options{RateLimit: 1, RateWindow: time.Minute})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, sb.URL+"/account", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+sandbox.DemoKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "spending the sandbox's only request")
	return sb
}

// syncBuffer is a bytes.Buffer safe for a writing process and a reading test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runNodeScript runs one of e2e/tsclient's scripts with node, decodes the
// last line it prints into out, and returns its stderr, which carries the
// server's logs over stdio (also logged when the test fails), and how the
// run ended, so that the caller can check the script's own error report
// first. The 90 s limit is a safety net, not a measurement.
func runNodeScript(t *testing.T, node, tsDir string, env []string, stdin io.Reader, out any,
	script string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{script}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Dir, cmd.Env, cmd.Stdin, cmd.Stdout, cmd.Stderr = tsDir, env, stdin, &stdout, &stderr
	runErr := cmd.Run()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("%s stderr (with the server's logs over stdio):\n%s", script, stderr.String())
		}
	})
	line := strings.TrimSpace(stdout.String())
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	require.NoError(t, json.Unmarshal([]byte(line), out), "%s stdout: %q (run: %v)", script, stdout.String(), runErr)
	return stderr.String(), runErr
}
