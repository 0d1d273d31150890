package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args    []string
		want    invocation
		wantErr string
	}{
		{args: nil, want: invocation{command: cmdStdio}},
		{args: []string{"stdio", "--sandbox"}, want: invocation{command: cmdStdio, sandbox: true}},
		{args: []string{"http", "--addr", "127.0.0.1:0"},
			want: invocation{command: cmdHTTP, addr: "127.0.0.1:0", addrSet: true}},
		{args: []string{"--addr=[::1]:9000", "sse"}, want: invocation{command: cmdSSE, addr: "[::1]:9000", addrSet: true}},
		{args: []string{"http", "--addr="}, wantErr: `"" is not HOST:PORT`},
		{args: []string{"tools", "list", "--sandbox"}, want: invocation{command: cmdToolsList, sandbox: true}},
		{args: []string{"tools", "call", "get_account_information", "--sandbox"},
			want: invocation{command: cmdToolsCall, toolName: "get_account_information", sandbox: true}},
		{args: []string{"tools", "call", "x", `{"a":1}`},
			want: invocation{command: cmdToolsCall, toolName: "x", toolArgs: `{"a":1}`}},
		{args: []string{"check"}, want: invocation{command: cmdCheck}},
		{args: []string{"version"}, want: invocation{command: cmdVersion}},
		{args: []string{"--version"}, want: invocation{command: cmdVersion}},
		{args: []string{"-h"}, want: invocation{help: true}},
		{args: []string{"serve"}, wantErr: `unknown command "serve"`},
		{args: []string{"http", "--addr"}, wantErr: "--addr needs a value"},
		{args: []string{"--verbose"}, wantErr: "unknown flag --verbose"},
		{args: []string{"tools"}, wantErr: `"tools" needs "list" or "call NAME"`},
		{args: []string{"tools", "call"}, wantErr: "needs a tool name"},
		{args: []string{"tools", "call", "x", "{}", "extra"}, wantErr: `unexpected argument "extra"`},
		{args: []string{"check", "now"}, wantErr: `unexpected argument "now"`},
		{args: []string{"check", "--sandbox=false"}, want: invocation{command: cmdCheck}},
		{args: []string{"check", "--sandbox=maybe"}, wantErr: "--sandbox takes no value"},
		{args: []string{"check", "--addr", "127.0.0.1:1"}, wantErr: "--addr applies to the http and sse commands only"},
		{args: []string{"http", "--addr", "nonsense"}, wantErr: `"nonsense" is not HOST:PORT`},
		{args: []string{"sse", "--addr", "127.0.0.1:99999"}, wantErr: "no valid port"},
	}
	for _, tc := range tests {
		t.Run(fmtArgs(tc.args), func(t *testing.T) {
			got, err := parseArgs(tc.args)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func fmtArgs(args []string) string {
	if len(args) == 0 {
		return "no args"
	}
	return strings.Join(args, " ")
}
