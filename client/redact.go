package client

import (
	"bytes"
	"encoding/json"
	"strings"
)

// redactedKey replaces the API key wherever an answer or error echoes it.
const redactedKey = "[redacted key]"

// redactBody removes the API key from a body before anything reads it, so
// that no error, result or log line built from it can carry the key.
func (c *Client) redactBody(data []byte) []byte {
	if len(c.apiKey) < 8 {
		return data
	}
	if bytes.Contains(data, []byte(`\u`)) {
		data = canonicalJSON(data) // a key written with \u escapes would slip past a byte search
	}
	return bytes.ReplaceAll(data, []byte(c.apiKey), []byte(redactedKey))
}

// canonicalJSON re-encodes a JSON document so that strings carry no
// needless escapes; anything that is not one JSON document is returned as
// it is.
func canonicalJSON(data []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return data
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return data
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// redactErr removes the API key from err's text, for transport errors that
// quote what a server sent; errors.Is and errors.As still see err.
func (c *Client) redactErr(err error) error {
	if err == nil || len(c.apiKey) < 8 || !strings.Contains(err.Error(), c.apiKey) {
		return err
	}
	return &redactedError{text: strings.ReplaceAll(err.Error(), c.apiKey, redactedKey), err: err}
}

// redactedError is an error whose text has had the key removed.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }
