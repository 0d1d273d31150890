package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Commands, as typed on the command line.
const (
	cmdStdio     = "stdio"
	cmdHTTP      = "http"
	cmdSSE       = "sse"
	cmdCheck     = "check"
	cmdVersion   = "version"
	cmdToolsList = "tools list"
	cmdToolsCall = "tools call"
	cmdTokens    = "tools tokens"
)

const usage = `Usage:
  voicedock-mcp [stdio] [--sandbox]            MCP over stdio (the default)
  voicedock-mcp http [--addr HOST:PORT] [--sandbox]
                                               MCP over streamable HTTP at /mcp
  voicedock-mcp sse [--addr HOST:PORT] [--sandbox]
                                               MCP over legacy HTTP+SSE at /sse and /message
  voicedock-mcp tools list [--sandbox]         print the tools as JSON
  voicedock-mcp tools call NAME ['{"arg":"value"}'] [--sandbox]
                                               run one tool and print its result as JSON
                                               (exit status 1 when the result is an error)
  voicedock-mcp tools tokens                   print the size of tools/list in tokens, per toolset
  voicedock-mcp check [--sandbox]              verify the API key against the API
  voicedock-mcp version | --version

Flags:
  --sandbox        run against a built-in simulated API on a loopback port, with a demo key
  --addr HOST:PORT listen address for http and sse (default HMS_SOVEREIGN_HTTP_ADDR or 127.0.0.1:8080)
  --toolsets A,B   toolsets to offer (default account,assistants,calls,numbers; "all" for all but legacy)
  --tools X,Y      single tools to offer on top of the toolsets
  --exclude-tools X,Y
                   tools never to offer (wins over everything)
  --read-only      offer only tools that change nothing (wins over everything)

The API key is read from HMS_SOVEREIGN_API_KEY; see the README for every variable.
`

// invocation is a parsed command line.
type invocation struct {
	command  string
	sandbox  bool
	addr     string
	addrSet  bool
	help     bool
	toolName string
	toolArgs string

	// Tool selection flags; each overrides its HMS_SOVEREIGN_* variable
	// when set.
	toolsets, tools, excludeTools *[]string
	readOnly                      *bool
}

// isShellCommand reports whether inv runs once and prints its answer, as
// opposed to serving MCP.
func (inv invocation) isShellCommand() bool {
	switch inv.command {
	case cmdCheck, cmdToolsList, cmdToolsCall, cmdTokens:
		return true
	}
	return false
}

// parseArgs reads the command line. Flags may come before or after the
// command words.
func parseArgs(args []string) (invocation, error) {
	var inv invocation
	var words []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			words = append(words, arg)
			continue
		}
		switch name {
		case "sandbox":
			on, err := strconv.ParseBool(value)
			if hasValue && err != nil {
				return inv, fmt.Errorf("--sandbox takes no value, or true or false: %q", value)
			}
			inv.sandbox = !hasValue || on
		case "version":
			inv.command = cmdVersion
		case "h", "help":
			inv.help = true
		case "addr":
			if !hasValue {
				if i+1 >= len(args) {
					return inv, errors.New("--addr needs a value, e.g. --addr 127.0.0.1:8080")
				}
				i++
				value = args[i]
			}
			inv.addr, inv.addrSet = value, true
		case "toolsets", "tools", "exclude-tools":
			if !hasValue {
				if i+1 >= len(args) || strings.HasPrefix(args[i+1], "-") {
					return inv, fmt.Errorf("--%s needs a comma-separated list, e.g. --%s=%s", name, name,
						map[string]string{"toolsets": "assistants,calls", "tools": "list_voices",
							"exclude-tools": "delete_assistant"}[name])
				}
				i++
				value = args[i]
			}
			list := splitList(value)
			switch name {
			case "toolsets":
				inv.toolsets = &list
			case "tools":
				inv.tools = &list
			default:
				inv.excludeTools = &list
			}
		case "read-only":
			on, err := strconv.ParseBool(value)
			if hasValue && err != nil {
				return inv, fmt.Errorf("--read-only takes no value, or true or false: %q", value)
			}
			on = !hasValue || on
			inv.readOnly = &on
		default:
			return inv, fmt.Errorf("unknown flag %s", arg)
		}
	}
	if inv.command == cmdVersion || inv.help {
		return inv, nil
	}
	if err := inv.setCommand(words); err != nil {
		return inv, err
	}
	if inv.addrSet {
		if inv.command != cmdHTTP && inv.command != cmdSSE {
			return inv, errors.New("--addr applies to the http and sse commands only")
		}
		if err := validateAddr(inv.addr); err != nil {
			return inv, fmt.Errorf("--addr: %v", err)
		}
	}
	return inv, nil
}

func (inv *invocation) setCommand(words []string) error {
	if len(words) == 0 {
		inv.command = cmdStdio
		return nil
	}
	switch words[0] {
	case cmdStdio, cmdCheck, cmdVersion:
		inv.command = words[0]
		return expectWords(words, 1)
	case cmdHTTP, cmdSSE:
		inv.command = words[0]
		return expectWords(words, 1)
	case "tools":
		return inv.setToolsCommand(words[1:])
	}
	return fmt.Errorf("unknown command %q", words[0])
}

func (inv *invocation) setToolsCommand(words []string) error {
	if len(words) == 0 {
		return errors.New(`"tools" needs "list" or "call NAME"`)
	}
	switch words[0] {
	case "list":
		inv.command = cmdToolsList
		return expectWords(words, 1)
	case "tokens":
		inv.command = cmdTokens
		return expectWords(words, 1)
	case "call":
		if len(words) < 2 {
			return errors.New(`"tools call" needs a tool name; "voicedock-mcp tools list" shows them`)
		}
		inv.command, inv.toolName = cmdToolsCall, words[1]
		if len(words) > 2 {
			inv.toolArgs = words[2]
		}
		return expectWords(words, 3)
	}
	return fmt.Errorf(`unknown tools command %q; use "list", "call" or "tokens"`, words[0])
}

func expectWords(words []string, most int) error {
	if len(words) > most {
		return fmt.Errorf("unexpected argument %q", words[most])
	}
	return nil
}

// splitList reads a comma-separated list, ignoring spaces and empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
