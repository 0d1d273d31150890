package main

import (
	"github.com/voicedock/voicedock-mcp/policy"

	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repoRoot = "../.."

// envNames are the variables config reads.
func envNames() []string {
	var names []string
	typ := reflect.TypeFor[config]()
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("env"); tag != "" {
			name, _, _ := strings.Cut(tag, ",")
			names = append(names, name)
		}
	}
	return append(names, policy.Variables...)
}

func TestMCPJSONMatchesConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "mcp.json"))
	require.NoError(t, err)
	var file struct {
		MCPServers map[string]struct {
			Command string            `json:"command"`
			Args    []string          `json:"args"`
			Env     map[string]string `json:"env"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal(data, &file))
	require.NotEmpty(t, file.MCPServers)

	known := envNames()
	for name, srv := range file.MCPServers {
		assert.Equal(t, serverName, srv.Command, name)
		_, err := parseArgs(srv.Args)
		assert.NoError(t, err, "%s: args", name)
		for key := range srv.Env {
			assert.Contains(t, known, key, "%s: mcp.json sets a variable the server does not read", name)
		}
	}
	assert.Contains(t, file.MCPServers["voicedock"].Env, envAPIKey, "the main entry must pass the key")
}

func TestREADMEDocumentsEveryVariable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	require.NoError(t, err)
	for _, name := range envNames() {
		assert.Contains(t, string(data), "`"+name+"`", "README must document %s", name)
	}
}

// TestStdoutBelongsToTheProtocol fails on fmt.Print* anywhere, and on
// os.Stdout outside main.go, which hands stdout to the stdio transport and
// the shell commands only.
func TestStdoutBelongsToTheProtocol(t *testing.T) {
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != repoRoot {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.Contains(path, "scripts"+string(filepath.Separator)) {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			switch {
			case pkg.Name == "fmt" && strings.HasPrefix(sel.Sel.Name, "Print"):
				t.Errorf("%s: fmt.%s writes to stdout; write to an io.Writer handed down from main", path, sel.Sel.Name)
			case pkg.Name == "os" && sel.Sel.Name == "Stdout" && filepath.Base(path) != "main.go":
				t.Errorf("%s: os.Stdout outside main.go", path)
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
}
