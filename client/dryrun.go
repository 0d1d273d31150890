package client

import (
	"fmt"

	"github.com/hashicorp/go-retryablehttp"
)

// DryRunError is the request a dry run did not send, exactly as it would
// have left: method, URL and JSON body. The key is not part of it.
type DryRunError struct {
	Method string
	URL    string
	Body   any // the JSON body, nil when there is none
}

func (e *DryRunError) Error() string {
	return fmt.Sprintf("dry run: %s %s was not sent", e.Method, e.URL)
}

func dryRun(req *retryablehttp.Request, body any) *DryRunError {
	return &DryRunError{Method: req.Method, URL: req.URL.String(), Body: body}
}
