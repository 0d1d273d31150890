package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/voicedock/voicedock-mcp/tools"
)

// check verifies the configured key against the API and prints the
// organization and the rate-limit headroom, then what protects calls that
// change something: confirmation, the call policy and the audit trail.
func (a *app) check(ctx context.Context, stdout, stderr io.Writer) int {
	for _, w := range a.cfg.warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	defer a.printSafety(stdout)
	if a.cfg.keyProblem != "" {
		fmt.Fprintf(stderr, "check failed: %s.\nFix that in the environment: %s holds an API key from the "+
			"VoiceDock dashboard (Settings → API Keys). Or run with --sandbox to try the server without an account.\n",
			a.cfg.keyProblem, envAPIKey)
		return exitError
	}

	acct, err := a.api.Account(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "check failed: key %s (from %s) against %s: %s\n",
			keyHint(a.cfg.key), a.cfg.keySource, a.api.BaseURL(), tools.Explain(err))
		return exitError
	}

	name := acct.Name
	if name == "" {
		name = acct.CompanyName
	}
	fmt.Fprintf(stdout, "ok: key %s (from %s) accepted by %s\n", keyHint(a.cfg.key), a.cfg.keySource, a.api.BaseURL())
	fmt.Fprintf(stdout, "organization: %s (%s)\n", name, acct.ID)
	fmt.Fprintf(stdout, "balance: %.2f minutes; used this month: %.2f minutes\n",
		float64(acct.MinutesBalance), float64(acct.MonthlyUsageMinutes))
	if rl := acct.Response.RateLimit; rl.Known {
		fmt.Fprintf(stdout, "rate limit: %d of %d requests left in this window, which resets in %s\n",
			rl.Remaining, rl.Limit, max(time.Until(rl.Reset).Round(time.Second), 0))
	} else {
		fmt.Fprintln(stdout, "rate limit: the API sent no X-RateLimit headers")
	}
	return exitOK
}

// listTools prints the tools/list result as JSON.
func (a *app) listTools(ctx context.Context, stdout, stderr io.Writer) int {
	c, err := a.inProcessClient(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n", err)
		return exitError
	}
	defer c.Close()

	res, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: tools/list: %v\n", err)
		return exitError
	}
	return printJSON(stdout, stderr, map[string]any{"tools": res.Tools})
}

// callTool runs one tool and prints its result as JSON; the exit status is
// 1 when the result is an error.
func (a *app) callTool(ctx context.Context, name, rawArgs string, stdout, stderr io.Writer) int {
	a.warnSafety()
	args := map[string]any{}
	if strings.TrimSpace(rawArgs) != "" {
		if err := json.Unmarshal([]byte(rawArgs), &args); err != nil {
			fmt.Fprintf(stderr, "voicedock-mcp: tool arguments must be one JSON object, "+
				`e.g. '{"limit": 5}': %v`+"\n", err)
			return exitUsage
		}
	}
	c, err := a.inProcessClient(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: %v\n", err)
		return exitError
	}
	defer c.Close()

	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = name, args
	res, err := c.CallTool(ctx, req)
	if err != nil {
		hint := `"voicedock-mcp tools list" shows the tools offered`
		if set, known := tools.ToolsetOf(name); known {
			hint = fmt.Sprintf("%s is in the %s toolset, which this configuration leaves out: add "+
				"--toolsets %s or --tools %s", name, set, set, name)
		}
		fmt.Fprintf(stderr, "voicedock-mcp: tools/call %s: %v (%s)\n", name, err, hint)
		return exitUsage
	}
	if status := printJSON(stdout, stderr, res); status != exitOK {
		return status
	}
	if res.IsError {
		return exitError
	}
	return exitOK
}

// inProcessClient connects an MCP client to this process's server, so that
// shell commands take exactly the path a real client's requests take.
func (a *app) inProcessClient(ctx context.Context) (*client.Client, error) {
	c, err := client.NewInProcessClient(a.mcp)
	if err != nil {
		return nil, err
	}
	if err := c.Start(ctx); err != nil {
		return nil, err
	}
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: serverName + "-cli", Version: buildVersion()}
	if _, err := c.Initialize(ctx, init); err != nil {
		c.Close()
		return nil, fmt.Errorf("initialize: %w", err)
	}
	return c, nil
}

func printJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "voicedock-mcp: writing output: %v\n", err)
		return exitError
	}
	return exitOK
}

// printSafety prints the operator's protections, one per line.
func (a *app) printSafety(stdout io.Writer) {
	fmt.Fprintln(stdout, "\nsafety:")
	fmt.Fprintf(stdout, "  confirm: %s (HMS_SOVEREIGN_CONFIRM): %s\n", a.cfg.Confirm, confirmText[a.cfg.Confirm])
	trail := "stderr only"
	if a.cfg.AuditFile != "" {
		trail = "stderr and " + a.cfg.AuditFile
	}
	fmt.Fprintf(stdout, "  audit: %s (HMS_SOVEREIGN_AUDIT_FILE)\n", trail)
	fmt.Fprintln(stdout, "call policy:")
	for _, line := range a.cfg.policy.Describe() {
		fmt.Fprintln(stdout, "  "+line)
	}
}

// confirmText says what each confirmation mode asks about.
var confirmText = map[tools.ConfirmMode]string{
	tools.ConfirmAlways: "a person confirms every call placed, command sent into a call, campaign " +
		"started, web call, provider key stored and every delete",
	tools.ConfirmDestructiveOnly: "a person confirms deletes and detaches; calls and campaigns go " +
		"ahead within the call policy",
	tools.ConfirmNever: "nobody is asked; only the call policy limits what the model can do",
}
