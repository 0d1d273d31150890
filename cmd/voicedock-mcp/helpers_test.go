package main

import (
	"os"
	"sync"
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
