package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client"
)

// keyHelp tells where API keys come from.
const keyHelp = "API keys are created in the VoiceDock dashboard under Settings → API Keys. " +
	"To try this server without an account, start it with --sandbox."

// Explain describes err for a model or a person: what happened and what to
// do next, by class of failure. The API's own message is quoted as it
// came, cleaned of hidden characters (cleanText): it may echo a caller's
// words.
func Explain(err error) string {
	return cleanText(explain(err))
}

// explain is Explain before cleaning.
func explain(err error) string {
	var (
		creds   *client.CredentialsError
		limited *client.RateLimitError
		apiErr  *client.APIError
		netErr  *client.NetworkError
	)
	switch {
	case errors.As(err, &creds):
		return creds.Problem + ". Fix that in the MCP server's environment (HMS_SOVEREIGN_API_KEY holds the key) " +
			"and restart it. " + keyHelp
	case errors.As(err, &limited):
		return rateLimitText(limited)
	case errors.Is(err, client.ErrKeyExpired):
		return "the API key in " + keySource(err) + " has expired (" + apiText(err) + "). Create a new key " +
			"in the dashboard (Settings → API Keys), put it there and restart the server. Retrying will not help."
	case errors.Is(err, client.ErrKeyRevoked):
		return "the API key in " + keySource(err) + " has been revoked (" + apiText(err) + "). Create a new " +
			"key in the dashboard (Settings → API Keys), put it there and restart the server. Retrying will not help."
	case errors.Is(err, client.ErrUnauthorized):
		return "the API rejected the API key in " + keySource(err) + " (" + apiText(err) + "). " +
			"Check that it holds a current key, copied whole. Retrying will not help. " + keyHelp
	case errors.Is(err, client.ErrForbidden):
		return "the API key is valid but has no access to this (" + apiText(err) + "). " +
			"Use a key of the organization that owns the resource. Retrying will not help."
	case errors.Is(err, client.ErrUnexpectedAnswer):
		return "the API's answer was not what this server expects (" + err.Error() + "). Check that " +
			"HMS_SOVEREIGN_BASE_URL is the HMS Sovereign API's base URL, e.g. " + client.DefaultBaseURL + "."
	case errors.Is(err, client.ErrInsufficientCredit):
		return insufficientCreditText(err)
	case errors.Is(err, client.ErrNotFound) && errors.As(err, &apiErr) && apiErr.Method == "DELETE" &&
		apiErr.Attempts > 1:
		return "not found (" + apiText(err) + ") on a retry: the first attempt failed (a server error " +
			"or no answer) but probably deleted it already. Check with the matching list tool."
	case errors.Is(err, client.ErrNotFound):
		return "not found (" + apiText(err) + ")."
	case errors.Is(err, client.ErrInvalidID):
		return err.Error() + ". Use an ID as the matching list_ tool shows it."
	case errors.Is(err, client.ErrConflict):
		return "the API refused it as a conflict with the current state (" + apiText(err) + "). Usually " +
			"something still uses the target or it already exists: read the current state, resolve that, " +
			"then try again."
	case errors.Is(err, client.ErrInvalidRequest):
		return "the API refused the request as invalid (" + apiText(err) + "). Correct the arguments and try again."
	case errors.As(err, &apiErr) && apiErr.Status >= 500 && (apiErr.Method == "POST" || apiErr.Method == "PATCH"):
		return fmt.Sprintf("the VoiceDock API failed (%s) after receiving the request, so it may have taken "+
			"effect (for a call: it may have been placed). It was not repeated. Check the current state with "+
			"the matching get_ or list_ tool (list_calls for calls) before trying again.", apiText(err))
	case errors.As(err, &apiErr) && apiErr.Status >= 500:
		return fmt.Sprintf("the VoiceDock API is unavailable (%s) after %s. %s",
			apiText(err), attemptsText(apiErr.Attempts), retryHint(apiErr.RetryAfter))
	case errors.As(err, &netErr):
		return networkText(netErr)
	case errors.Is(err, context.Canceled):
		return "the request was canceled."
	case errors.As(err, &apiErr):
		return apiText(err) + "."
	}
	return err.Error()
}

// apiText is the API's own status, code and message.
func apiText(err error) string {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return err.Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d", apiErr.Status)
	if apiErr.Code != "" {
		fmt.Fprintf(&b, " %s", apiErr.Code)
	}
	if apiErr.Message != "" {
		fmt.Fprintf(&b, ": %s", apiErr.Message)
	}
	if apiErr.Param != "" {
		fmt.Fprintf(&b, "; field %q", apiErr.Param)
	}
	for _, d := range apiErr.Details {
		fmt.Fprintf(&b, "; %s", d)
	}
	return b.String()
}

// keySource names where the rejected key came from.
func keySource(err error) string {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.KeySource != "" {
		return apiErr.KeySource
	}
	return "HMS_SOVEREIGN_API_KEY"
}

// retryHint says when to try again, from the API's Retry-After if it sent one.
func retryHint(after time.Duration) string {
	if after <= 0 {
		return "Try again in a minute."
	}
	return fmt.Sprintf("The API asks to retry after %s (at %s).", max(after.Round(time.Second), time.Second),
		retryAt(after))
}

// retryAt is the moment a wait ends, as an unambiguous UTC timestamp.
func retryAt(after time.Duration) string {
	return time.Now().Add(after).UTC().Format(time.RFC3339)
}

func rateLimitText(e *client.RateLimitError) string {
	if e.RetryAfter <= 0 {
		if e.API == nil {
			return "rate limited: the request was not sent. Wait a minute before retrying."
		}
		return fmt.Sprintf("rate limited by the API (%s); it gave no time to retry after. "+
			"Wait a minute before retrying.", apiText(e.API))
	}
	wait := max(e.RetryAfter.Round(time.Second), time.Second)
	at := retryAt(e.RetryAfter)
	if e.PerCall {
		return fmt.Sprintf("rate limited: this call has had %d commands in the last minute, the most the API "+
			"allows per call, so the command was not sent. Retry after %s (at %s).", e.Limit, wait, at)
	}
	limit := fmt.Sprintf("the API allows %d requests per minute per key", e.Limit)
	if e.Limit == 1 {
		limit = "the API allows 1 request per minute per key"
	}
	if e.API == nil {
		return fmt.Sprintf("rate limited: %s and this server's share of that budget is spent, so the request "+
			"was not sent. Retry after %s (at %s).", limit, wait, at)
	}
	return fmt.Sprintf("rate limited by the API (%s): %s. Retry after %s (at %s), not sooner.",
		apiText(e.API), limit, wait, at)
}

func insufficientCreditText(err error) string {
	var apiErr *client.APIError
	text := "the organization has insufficient credits (" + apiText(err) + ")"
	if errors.As(err, &apiErr) && apiErr.Balance != nil {
		text += fmt.Sprintf("; balance %.2f minutes", *apiErr.Balance)
	}
	return text + ". Credits are bought in the VoiceDock dashboard (billing); get_account_information shows the balance."
}

func networkText(e *client.NetworkError) string {
	text := fmt.Sprintf("could not reach the VoiceDock API (%v) after %s.", e.Err, attemptsText(e.Attempts))
	if errors.Is(e.Err, context.DeadlineExceeded) {
		text = fmt.Sprintf("the VoiceDock API did not answer in time (%v) after %s.", e.Err, attemptsText(e.Attempts))
	}
	if e.MaybeSent && e.Method != "GET" {
		return text + " The request may have reached the API and taken effect (for a call: it may have been " +
			"placed). It was not repeated. Check the current state with the matching get_ or list_ tool " +
			"(list_calls for calls) before trying again."
	}
	return text + " The API may be down or unreachable from this machine; try again in a minute."
}

func attemptsText(n int) string {
	if n <= 1 {
		return "1 attempt (not retried)"
	}
	if n == 2 {
		return "2 attempts (retried once)"
	}
	return fmt.Sprintf("%d attempts (retried %d times)", n, n-1)
}
