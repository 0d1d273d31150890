package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sentinels for the classes of failure a caller branches on. Match them with
// errors.Is; the concrete errors are [*APIError], [*RateLimitError],
// [*NetworkError] and [*CredentialsError].
var (
	ErrNoCredentials      = errors.New("no usable api key")
	ErrUnauthorized       = errors.New("api key rejected")
	ErrKeyExpired         = errors.New("api key expired")
	ErrKeyRevoked         = errors.New("api key revoked")
	ErrForbidden          = errors.New("forbidden")
	ErrNotFound           = errors.New("not found")
	ErrGone               = errors.New("gone")
	ErrConflict           = errors.New("conflict")
	ErrInvalidRequest     = errors.New("invalid request")
	ErrInsufficientCredit = errors.New("insufficient credits")
	ErrRateLimited        = errors.New("rate limited")
	ErrUnavailable        = errors.New("api unavailable")
	// ErrUnexpectedAnswer is an answer no HMS Sovereign API gives: a
	// redirect, or a body that is not the JSON documented for the route.
	ErrUnexpectedAnswer = errors.New("unexpected answer")
)

// maxErrorText bounds the message and detail text kept from an error body,
// so that a proxy's HTML error page does not flood a tool result.
const maxErrorText = 500

// APIError is a non-2xx answer from the API. It carries what the body said,
// in whichever documented envelope it came, and never any request header.
type APIError struct {
	Method   string // HTTP method of the request
	Path     string // request path below the base URL, without query
	Status   int    // HTTP status code
	Code     string // machine-readable code, e.g. "api_key_expired"; may be empty
	Message  string // human-readable message from the body, or the status text
	Param    string // the offending request field, when the API names one
	Details  []string
	Attempts int // requests sent for this call, retries included
	// KeySource is where the key came from (Options.KeySource), for
	// messages about a rejected key.
	KeySource string

	// Balance is the remaining balance the API reported with a 402, if any.
	Balance *float64
	// RetryAfter is the server's requested wait on a 429 or 503, zero when
	// none was given or it could not be read.
	RetryAfter time.Duration
	// RateLimit is the X-RateLimit-* state reported with this answer.
	RateLimit RateLimit
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: status %d", e.Method, e.Path, e.Status)
	if e.Code != "" {
		fmt.Fprintf(&b, " (%s)", e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Param != "" {
		fmt.Fprintf(&b, " [field %s]", e.Param)
	}
	for _, d := range e.Details {
		b.WriteString("; ")
		b.WriteString(d)
	}
	return b.String()
}

// Is matches the sentinel for the error's class. The status decides the
// class whatever the body shape; the code refines 401 into expired and
// revoked keys.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized
	case ErrKeyExpired:
		return e.Status == http.StatusUnauthorized && e.Code == "api_key_expired"
	case ErrKeyRevoked:
		return e.Status == http.StatusUnauthorized && e.Code == "api_key_revoked"
	case ErrForbidden:
		return e.Status == http.StatusForbidden
	case ErrNotFound:
		return e.Status == http.StatusNotFound
	case ErrGone:
		return e.Status == http.StatusGone
	case ErrConflict:
		return e.Status == http.StatusConflict
	case ErrInvalidRequest:
		return e.Status == http.StatusBadRequest || e.Status == http.StatusUnprocessableEntity
	case ErrInsufficientCredit:
		return e.Status == http.StatusPaymentRequired
	case ErrRateLimited:
		return e.Status == http.StatusTooManyRequests
	case ErrUnavailable:
		return e.Status >= 500
	case ErrUnexpectedAnswer:
		return e.Status >= 300 && e.Status < 400
	}
	return false
}

// RateLimitError reports that the key's request budget is spent: either the
// API answered 429 and the wait it asked for did not fit in the call's
// budget, or the client held the request back itself because sending it
// would have exceeded the limit. No request was acted on by the API.
type RateLimitError struct {
	// RetryAfter is how long to wait before a request can succeed.
	RetryAfter time.Duration
	// Limit is the documented or reported request limit per window.
	Limit int
	// API is the 429 answer, or nil when the client held the request back.
	API *APIError
	// PerCall is set when the limit is the one on commands to one live
	// call (ControlLimit a minute) rather than the key's.
	PerCall bool
}

func (e *RateLimitError) Error() string {
	wait := e.RetryAfter.Round(time.Second)
	if e.API != nil {
		return fmt.Sprintf("%v; retry after %s", e.API, wait)
	}
	return fmt.Sprintf("rate limit of %d requests per window reached; request not sent; retry after %s",
		e.Limit, wait)
}

// Is reports that e is a rate-limit error.
func (e *RateLimitError) Is(target error) bool { return target == ErrRateLimited }

// Unwrap returns the API's 429 answer, if there was one.
func (e *RateLimitError) Unwrap() error {
	if e.API == nil {
		return nil
	}
	return e.API
}

// NetworkError reports that no HTTP answer arrived: the connection was
// refused, dropped or timed out.
type NetworkError struct {
	Method   string
	Path     string
	Attempts int
	// MaybeSent is true when the request may have reached the API, so a
	// request that changes something may have taken effect.
	MaybeSent bool
	Err       error
}

func (e *NetworkError) Error() string {
	return fmt.Sprintf("%s %s: no answer after %d attempt(s): %v", e.Method, e.Path, e.Attempts, e.Err)
}

// Is reports that e means the API is unavailable.
func (e *NetworkError) Is(target error) bool { return target == ErrUnavailable }

// Unwrap returns the underlying transport error.
func (e *NetworkError) Unwrap() error { return e.Err }

// CredentialsError reports that no request was sent because the configured
// API key is unusable. Problem says what is wrong with it and never repeats
// the key itself.
type CredentialsError struct {
	Problem string
}

func (e *CredentialsError) Error() string { return e.Problem }

// Is reports that e means there is no usable key.
func (e *CredentialsError) Is(target error) bool { return target == ErrNoCredentials }

// errorBody covers every documented error envelope: flat
// {"error":"...","message":"...","details":[...],...extras} and nested
// {"error":{"code","message","param","type"}}.
type errorBody struct {
	Error      json.RawMessage `json:"error"`
	Message    string          `json:"message"`
	Code       string          `json:"code"`
	Param      string          `json:"param"`
	Details    json.RawMessage `json:"details"`
	Balance    json.RawMessage `json:"balance"`
	RetryAfter json.RawMessage `json:"retry_after"`
}

type nestedError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param"`
	Type    string `json:"type"`
}

// parseErrorBody fills e's code, message, param, details and balance from
// body. A body that is empty, not JSON, or of an unknown shape still leaves a
// useful message: the status text, or the start of the body if it is text.
func parseErrorBody(e *APIError, body []byte) {
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		e.Message = plainTextMessage(e.Status, body)
		return
	}

	e.Code, e.Param = eb.Code, eb.Param
	if balance, ok := lenientNumber(eb.Balance); ok {
		e.Balance = &balance
	}
	if seconds, ok := lenientNumber(eb.RetryAfter); ok && seconds > 0 {
		e.RetryAfter = secondsDuration(seconds)
	}
	var label string
	var nested nestedError
	switch {
	case json.Unmarshal(eb.Error, &label) == nil:
	case json.Unmarshal(eb.Error, &nested) == nil:
		e.Code = firstNonEmpty(nested.Code, nested.Type, e.Code)
		e.Param = firstNonEmpty(nested.Param, e.Param)
		label = nested.Message
	}

	if e.Code == "" {
		e.Code = codeFromLabel(label)
	}
	if label == e.Code {
		label = "" // a machine code as label; Code carries it, the message need not repeat it
	}
	e.Message = joinMessage(label, eb.Message)
	if e.Message == "" {
		e.Message = plainTextMessage(e.Status, nil)
	}
	e.Details = parseDetails(eb.Details)
}

// joinMessage combines the flat envelope's short label ("Unauthorized") with
// its longer message, the way the vendor SDK does: "label: message".
func joinMessage(label, message string) string {
	label, message = clip(label), clip(message)
	switch {
	case label == "":
		return message
	case message == "" || strings.EqualFold(label, message):
		return label
	default:
		return label + ": " + message
	}
}

// codeFromLabel maps the flat envelope's label to a code when the label is
// itself a machine code such as "api_key_expired".
func codeFromLabel(label string) string {
	if label == "" || strings.ContainsAny(label, " .:") || strings.ToLower(label) != label {
		return ""
	}
	return label
}

// parseDetails reads details[] as strings; objects are kept as compact JSON.
func parseDetails(raw json.RawMessage) []string {
	var items []json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &items) != nil {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		var s string
		if json.Unmarshal(item, &s) != nil {
			s = string(item)
		}
		out = append(out, clip(s))
	}
	return out
}

// plainTextMessage describes a body that is not a JSON envelope.
func plainTextMessage(status int, body []byte) string {
	text := strings.TrimSpace(string(body))
	if text == "" || strings.HasPrefix(text, "<") || !utf8.ValidString(text) {
		if st := http.StatusText(status); st != "" {
			return st
		}
		return "unexpected answer"
	}
	return clip(text)
}

// clip shortens s to maxErrorText bytes without splitting a UTF-8 character.
func clip(s string) string {
	if len(s) <= maxErrorText {
		return s
	}
	cut := maxErrorText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// lenientNumber reads a JSON number or a numeric string.
func lenientNumber(raw json.RawMessage) (float64, bool) {
	var n float64
	if json.Unmarshal(raw, &n) == nil {
		return n, true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return n, err == nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
