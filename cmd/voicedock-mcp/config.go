package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/caarlos0/env/v11"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/policy"
	"github.com/voicedock/voicedock-mcp/tools"
)

// Environment variable names users set. The key variables are read here
// and nowhere else; mcp.json and the README name the same ones (a test
// checks).
const (
	envAPIKey       = "HMS_SOVEREIGN_API_KEY"
	envAPIKeyAlias  = "VOICEDOCK_API_KEY"
	envAPIKeyFile   = "HMS_SOVEREIGN_API_KEY_FILE"
	envBaseURL      = "HMS_SOVEREIGN_BASE_URL"
	envAssistantURL = "HMS_SOVEREIGN_ASSISTANT_URL"
)

// config is everything the server reads from its environment, once, at
// start-up.
type config struct {
	APIKey      string `env:"HMS_SOVEREIGN_API_KEY,unset"`
	APIKeyAlias string `env:"VOICEDOCK_API_KEY,unset"`
	APIKeyFile  string `env:"HMS_SOVEREIGN_API_KEY_FILE"`
	BaseURL     string `env:"HMS_SOVEREIGN_BASE_URL"`
	// AssistantURL is the host of web calls (POST /v1/web-calls).
	AssistantURL string `env:"HMS_SOVEREIGN_ASSISTANT_URL"`

	Toolsets     []string `env:"HMS_SOVEREIGN_TOOLSETS"`
	Tools        []string `env:"HMS_SOVEREIGN_TOOLS"`
	ExcludeTools []string `env:"HMS_SOVEREIGN_EXCLUDE_TOOLS"`
	ReadOnly     bool     `env:"HMS_SOVEREIGN_READ_ONLY"`

	// Confirm says which tool calls a person confirms in the client.
	Confirm tools.ConfirmMode `env:"HMS_SOVEREIGN_CONFIRM"`
	// AuditFile, when set, also receives the audit trail as JSON lines.
	AuditFile string `env:"HMS_SOVEREIGN_AUDIT_FILE"`

	RequestTimeout time.Duration `env:"HMS_SOVEREIGN_REQUEST_TIMEOUT" envDefault:"10s"`
	CallBudget     time.Duration `env:"HMS_SOVEREIGN_CALL_BUDGET" envDefault:"25s"`
	MaxRetries     int           `env:"HMS_SOVEREIGN_MAX_RETRIES" envDefault:"2"`
	RateLimit      int           `env:"HMS_SOVEREIGN_RATE_LIMIT" envDefault:"100"`

	LogLevel       slog.Level    `env:"HMS_SOVEREIGN_LOG_LEVEL" envDefault:"info"`
	HTTPAddr       string        `env:"HMS_SOVEREIGN_HTTP_ADDR" envDefault:"127.0.0.1:8080"`
	AllowedHosts   []string      `env:"HMS_SOVEREIGN_ALLOWED_HOSTS"`
	AllowedOrigins []string      `env:"HMS_SOVEREIGN_ALLOWED_ORIGINS"`
	PublicURL      string        `env:"HMS_SOVEREIGN_PUBLIC_URL"`
	Heartbeat      time.Duration `env:"HMS_SOVEREIGN_HEARTBEAT" envDefault:"25s"`

	// selection is the tool selection: the variables above with the
	// command line's flags laid over them (selectTools).
	selection tools.Selection

	// policy is the operator's call policy (policy.Variables).
	policy *policy.Policy
	// lookupEnv reads the environment the configuration came from, for the
	// provider keys set_byok_key may take from it.
	lookupEnv func(name string) (string, bool)

	// Resolved by loadConfig from the key variables above.
	key        string // the usable key, trimmed; empty when keyProblem is set
	keySource  string // the variable the key came from
	keyProblem string // why there is no usable key, naming the variable
	warnings   []string
}

// LogValue leaves every secret out of log lines.
func (c config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("key", keyHint(c.key)),
		slog.String("key_source", c.keySource),
		slog.Duration("request_timeout", c.RequestTimeout),
		slog.Duration("call_budget", c.CallBudget),
		slog.Int("rate_limit", c.RateLimit),
		slog.String("confirm", c.Confirm.String()),
		slog.Bool("dry_run", c.policy != nil && c.policy.DryRun),
	)
}

// keyHint shows a key's prefix only, e.g. "fl_live_…", enough to tell a
// test key from a live one.
func keyHint(key string) string {
	if key == "" {
		return "none"
	}
	prefix, rest, ok := strings.Cut(key, "_")
	if !ok || len(prefix) > 4 {
		return "…"
	}
	if mode, _, ok := strings.Cut(rest, "_"); ok && len(mode) <= 4 {
		return prefix + "_" + mode + "_…"
	}
	return prefix + "_…"
}

// loadConfig reads the configuration from environ (NAME → value). A missing
// or unusable key is not an error: it is recorded in keyProblem so that the
// server still starts and every tool can say what to fix. An unusable value
// anywhere else is an error.
func loadConfig(environ map[string]string) (config, error) {
	cfg, err := env.ParseAsWithOptions[config](env.Options{Environment: environ})
	if err != nil {
		return config{}, fmt.Errorf("configuration: %s", envErrorText(err))
	}
	if err := cfg.resolveBaseURL(environ); err != nil {
		return config{}, err
	}
	if err := cfg.validate(); err != nil {
		return config{}, err
	}
	if cfg.policy, err = policy.Load(environ); err != nil {
		return config{}, fmt.Errorf("call policy: %v", err)
	}
	cfg.lookupEnv = func(name string) (string, bool) {
		v, ok := environ[name]
		return v, ok
	}
	cfg.resolveKey(environ)
	return cfg, nil
}

// envErrorText names the environment variable behind each parse error;
// the env package names only the Go field.
func envErrorText(err error) string {
	var agg env.AggregateError
	if !errors.As(err, &agg) {
		return err.Error()
	}
	texts := make([]string, 0, len(agg.Errors))
	for _, e := range agg.Errors {
		var pe env.ParseError
		if !errors.As(e, &pe) {
			texts = append(texts, e.Error())
			continue
		}
		name := pe.Name
		if f, ok := reflect.TypeFor[config]().FieldByName(pe.Name); ok {
			name, _, _ = strings.Cut(f.Tag.Get("env"), ",")
		}
		if errors.Is(pe.Err, strconv.ErrSyntax) && pe.Type == reflect.TypeFor[bool]() {
			texts = append(texts, name+": must be true or false (also 1/0, t/f)")
			continue
		}
		texts = append(texts, fmt.Sprintf("%s: %v", name, pe.Err))
	}
	return strings.Join(texts, "; ")
}

func (c *config) resolveBaseURL(environ map[string]string) error {
	raw, set := environ[envBaseURL]
	switch {
	case !set:
		c.BaseURL = client.DefaultBaseURL
		return c.resolveAssistantURL()
	case strings.TrimSpace(raw) == "":
		return fmt.Errorf("configuration: %s is set but empty; unset it to use %s, or set it to the API base URL",
			envBaseURL, client.DefaultBaseURL)
	}
	c.BaseURL = strings.TrimSpace(raw)
	if _, err := client.New(client.Options{BaseURL: c.BaseURL, APIKey: "-"}); err != nil {
		return fmt.Errorf("configuration: %s: %v", envBaseURL, err)
	}
	return c.resolveAssistantURL()
}

// resolveAssistantURL checks the web-call host, and when it is unset but
// the base URL is not the default one, sends web calls to the base URL's
// own host: the key must not go to the production host behind the back of
// someone who pointed the server elsewhere (a staging API, a local mock).
func (c *config) resolveAssistantURL() error {
	c.AssistantURL = strings.TrimSpace(c.AssistantURL)
	if c.AssistantURL == "" && strings.TrimRight(c.BaseURL, "/") != client.DefaultBaseURL {
		u, _ := url.Parse(c.BaseURL) // checked by the caller
		c.AssistantURL = u.Scheme + "://" + u.Host
		c.warnings = append(c.warnings, fmt.Sprintf("%s is unset, so web calls go to %s, the host of %s; "+
			"set it to %s for the production web-call host", envAssistantURL, c.AssistantURL, envBaseURL,
			client.DefaultAssistantURL))
	}
	if c.AssistantURL == "" {
		return nil
	}
	if _, err := client.New(client.Options{AssistantURL: c.AssistantURL, APIKey: "-"}); err != nil {
		return fmt.Errorf("configuration: %s: %v", envAssistantURL, err)
	}
	return nil
}

func (c *config) validate() error {
	switch {
	case c.RequestTimeout <= 0:
		return errors.New("configuration: HMS_SOVEREIGN_REQUEST_TIMEOUT must be positive, e.g. 10s")
	case c.CallBudget < c.RequestTimeout:
		return fmt.Errorf("configuration: HMS_SOVEREIGN_CALL_BUDGET (%s) must be at least "+
			"HMS_SOVEREIGN_REQUEST_TIMEOUT (%s); raise the budget or lower the timeout", c.CallBudget, c.RequestTimeout)
	case c.MaxRetries < 0 || c.MaxRetries > 10:
		return errors.New("configuration: HMS_SOVEREIGN_MAX_RETRIES must be between 0 and 10")
	case c.RateLimit <= 0:
		return errors.New("configuration: HMS_SOVEREIGN_RATE_LIMIT must be positive (requests per minute)")
	case c.Heartbeat < time.Second:
		return errors.New("configuration: HMS_SOVEREIGN_HEARTBEAT must be at least 1s, e.g. 25s")
	}
	if c.AuditFile != "" {
		if _, err := os.Stat(filepath.Dir(c.AuditFile)); err != nil {
			return fmt.Errorf("configuration: HMS_SOVEREIGN_AUDIT_FILE: the directory of %s: %v", c.AuditFile,
				errors.Unwrap(err))
		}
	}
	if err := validateAddr(c.HTTPAddr); err != nil {
		return fmt.Errorf("configuration: HMS_SOVEREIGN_HTTP_ADDR: %v", err)
	}
	if c.PublicURL != "" {
		if err := validatePublicURL(c.PublicURL); err != nil {
			return fmt.Errorf("configuration: HMS_SOVEREIGN_PUBLIC_URL: %v", err)
		}
	}
	for _, o := range c.AllowedOrigins {
		if err := validateOrigin(o); err != nil {
			return fmt.Errorf("configuration: HMS_SOVEREIGN_ALLOWED_ORIGINS: %v", err)
		}
	}
	for _, h := range c.AllowedHosts {
		if h = strings.TrimSpace(h); strings.ContainsAny(h, "/*@ ") || h == "" {
			return fmt.Errorf("configuration: HMS_SOVEREIGN_ALLOWED_HOSTS: %q is not a host name; "+
				"list names like mcp.corp.example or mcp.corp.example:8443, without scheme or wildcard", h)
		}
	}
	return nil
}

// validateAddr accepts HOST:PORT with a port from 0 to 65535.
func validateAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not HOST:PORT, e.g. 127.0.0.1:8080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q has no valid port (0 to 65535)", addr)
	}
	return nil
}

// validatePublicURL accepts an absolute http(s) URL with no credentials,
// query or fragment. Errors do not repeat the value.
func validatePublicURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return errors.New("must be an absolute URL such as https://mcp.example.test/voicedock")
	case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return errors.New("must not contain credentials, a query string or a fragment")
	}
	return nil
}

// publicPathPrefix is the path of the public URL without a trailing
// slash, e.g. "/voicedock", or "" for none.
func publicPathPrefix(publicURL string) string {
	u, err := url.Parse(publicURL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.EscapedPath(), "/")
}

// validateOrigin accepts a browser origin: scheme://host[:port].
func validateOrigin(origin string) error {
	u, err := url.Parse(strings.TrimSpace(origin))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
		return fmt.Errorf("%q is not an origin; list origins like https://app.example, without wildcards", origin)
	}
	return nil
}

// resolveKey picks the key by precedence: HMS_SOVEREIGN_API_KEY, then the
// file named by HMS_SOVEREIGN_API_KEY_FILE, then VOICEDOCK_API_KEY. Empty
// values count as unset. Surrounding whitespace is trimmed; anything else
// wrong with the winner becomes keyProblem, which never repeats the value.
func (c *config) resolveKey(environ map[string]string) {
	type candidate struct{ source, value string }
	var found []candidate
	if v := strings.TrimSpace(c.APIKey); v != "" {
		found = append(found, candidate{envAPIKey, v})
	}
	if c.APIKeyFile != "" && len(found) == 0 { // the variable itself takes precedence over the file
		value, problem := readKeyFile(c.APIKeyFile)
		if problem != "" {
			c.keyProblem = envAPIKeyFile + " " + problem
			return
		}
		if value != "" { // an empty file counts as unset, like an empty variable
			found = append(found, candidate{envAPIKeyFile, value})
		}
	}
	if v := strings.TrimSpace(c.APIKeyAlias); v != "" {
		found = append(found, candidate{envAPIKeyAlias, v})
	}

	if len(found) == 0 {
		c.keyProblem = missingKeyProblem(environ)
		return
	}
	winner := found[0]
	for _, other := range found[1:] {
		if other.value != winner.value {
			c.warnings = append(c.warnings, fmt.Sprintf("%s and %s hold different keys; using %s",
				winner.source, other.source, winner.source))
		}
	}
	c.keySource = winner.source
	if problem := keyValueProblem(winner.value); problem != "" {
		c.keyProblem = winner.source + " " + problem
		return
	}
	c.key = winner.value
}

// maxKeyFile bounds how much of a key file is read; keys are far shorter.
const maxKeyFile = 4096

// readKeyFile returns the trimmed key in path, or what is wrong with the
// file. Only a regular file is read, and at most maxKeyFile bytes of it, so
// that a device or a named pipe can neither exhaust memory nor block.
func readKeyFile(path string) (string, string) {
	unreadable := func(err error) string {
		return fmt.Sprintf("names a file that cannot be read (%v)", errors.Unwrap(err))
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return "", unreadable(err)
	case !info.Mode().IsRegular():
		return "", "names something that is not a regular file; it should name a file holding only the key"
	}
	f, err := os.Open(path)
	if err != nil {
		return "", unreadable(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	switch {
	case err != nil:
		return "", unreadable(err)
	case len(data) > maxKeyFile:
		return "", "names a file larger than any API key (over 4 KB); it should hold only the key"
	}
	return strings.TrimSpace(string(data)), ""
}

func missingKeyProblem(environ map[string]string) string {
	if environ[envAPIKeyFile] != "" {
		return fmt.Sprintf("%s names an empty file, and no other key variable is set", envAPIKeyFile)
	}
	for _, name := range []string{envAPIKey, envAPIKeyAlias} {
		if _, set := environ[name]; set {
			return fmt.Sprintf("%s is set but empty (or only whitespace), and no other key variable is set", name)
		}
	}
	return fmt.Sprintf("no API key is configured: %s is not set (nor %s)", envAPIKey, envAPIKeyAlias)
}

// keyValueProblem says what makes a trimmed key unusable, or "".
func keyValueProblem(key string) string {
	if strings.HasPrefix(key, "$") || strings.Contains(key, "${") {
		return "holds an unexpanded placeholder like ${...} instead of a key: the MCP client did not " +
			"substitute it, so put the key itself in the client's env block"
	}
	for i, r := range key {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) || unicode.IsSpace(r) || strings.ContainsRune("\"'`", r) {
			return fmt.Sprintf("contains a space, quote mark or unprintable character at position %d, "+
				"which no API key has; copy the key again from the dashboard", i+1)
		}
	}
	return ""
}

// selectTools lays the selection flags of inv over the HMS_SOVEREIGN_*
// selection variables and checks every toolset and tool name.
func (c *config) selectTools(inv invocation) error {
	sel := tools.Selection{
		Toolsets: splitList(strings.Join(c.Toolsets, ",")), Tools: splitList(strings.Join(c.Tools, ",")),
		Exclude: splitList(strings.Join(c.ExcludeTools, ",")), ReadOnly: c.ReadOnly,
	}
	if inv.toolsets != nil {
		sel.Toolsets = *inv.toolsets
	}
	if inv.tools != nil {
		sel.Tools = *inv.tools
	}
	if inv.excludeTools != nil {
		sel.Exclude = *inv.excludeTools
	}
	if inv.readOnly != nil {
		sel.ReadOnly = *inv.readOnly
	}
	if err := sel.Check(); err != nil {
		return fmt.Errorf("tool selection: %w", err)
	}
	c.selection = sel
	return nil
}
