package main

import (
	"os"
	"sync"
	"testing"
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
