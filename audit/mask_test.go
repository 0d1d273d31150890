package audit

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMaskPhoneNumbers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "E.164", in: "call to +31612345678", want: "call to +•••••••5678"},
		{name: "spaces", in: "+31 6 1234 5678", want: "+•••••••5678"},
		{name: "dashes", in: "+31-6-1234-5678", want: "+•••••••5678"},
		{name: "dots", in: "+31.6.1234.5678", want: "+•••••••5678"},
		{name: "parentheses", in: "ring +1 (555) 123-4567 now", want: "ring +•••••••4567 now"},
		{name: "trunk prefix", in: "+31 (0)20 123 4567", want: "+••••••••4567"},
		{name: "bare national", in: "from 0612345678.", want: "from ••••••5678."},
		{name: "bare eight digits", in: "12345678", want: "••••5678"},
		{name: "two numbers", in: "+31612345678, +4915112345678",
			want: "+•••••••5678, +•••••••••5678"},
		{name: "inside a call ID", in: "call-_+31612345678_XqaQxRRgAzYc",
			want: "call-_+•••••••5678_XqaQxRRgAzYc"},
		{name: "compact number ends at its last digit", in: "+31612345678 42 times",
			want: "+•••••••5678 42 times"},
		{name: "sentence end", in: "number +31612345678.", want: "number +•••••••5678."},
		{name: "assistant ID", in: "assistant asst_123 (Front desk)", want: "assistant asst_123 (Front desk)"},
		{name: "digits in an ID", in: "asst_12345678 and v12345678", want: "asst_12345678 and v12345678"},
		{name: "UUID", in: "trunk 0c0ffee0-1111-4222-8333-444455556666",
			want: "trunk 0c0ffee0-1111-4222-8333-444455556666"},
		{name: "timestamp", in: "at 2026-12-04T10:00:00Z", want: "at 2026-12-04T10:00:00Z"},
		{name: "date and time", in: "2026-12-04 10:00:00.123", want: "2026-12-04 10:00:00.123"},
		{name: "compact timestamp", in: "20261204T100000Z", want: "20261204T100000Z"},
		{name: "durations", in: "after 1500ms, 2m30s or 300 seconds", want: "after 1500ms, 2m30s or 300 seconds"},
		{name: "short numbers", in: "42 calls, HTTP 404, 1234567 left, +42",
			want: "42 calls, HTTP 404, 1234567 left, +42"},
		{name: "price", in: "€0.05 per minute", want: "€0.05 per minute"},
		{name: "masked stays masked", in: "+•••••••5678", want: "+•••••••5678"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, MaskPhoneNumbers(tc.in))
		})
	}
}

func TestMaskSecrets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "live key", in: "key fl_live_AbC123xyz rejected", want: "key [redacted] rejected"},
		{name: "test key", in: "fl_test_abc", want: "[redacted]"},
		{name: "OpenAI key", in: "sk-proj-Abc123 and sk-test-123", want: "[redacted] and [redacted]"},
		{name: "Stripe-style key", in: "sk_live_51Habc", want: "[redacted]"},
		{name: "bearer token", in: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
			want: "Authorization: Bearer [redacted]"},
		{name: "hex run", in: "deepgram a3f1c2d4e5b6a7980112233445566778899aabbc",
			want: "deepgram [redacted]"},
		{name: "base64 run", in: "secret Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo= end",
			want: "secret [redacted] end"},
		{name: "named value", in: "api_key=abc123&x=1", want: "api_key=[redacted]&x=1"},
		{name: "named JSON value", in: `{"token": "abc"}`, want: `{"token": "[redacted]"}`},
		{name: "password", in: "password: hunter2", want: "password: [redacted]"},
		{name: "key hint", in: "fl_live_… and sk-…", want: "fl_live_… and sk-…"},
		{name: "UUID", in: "497f6eca-6276-4993-bfeb-53cbbbba6f08", want: "497f6eca-6276-4993-bfeb-53cbbbba6f08"},
		{name: "long name", in: "assistant_front_desk_configuration_v2", want: "assistant_front_desk_configuration_v2"},
		{name: "path", in: "/v1/assistants/497f6eca-6276-4993-bfeb-53cbbbba6f08",
			want: "/v1/assistants/497f6eca-6276-4993-bfeb-53cbbbba6f08"},
		{name: "call ID", in: "call-_+4915112345678_LoNgTrAnScRi", want: "call-_+4915112345678_LoNgTrAnScRi"},
		{name: "plain words", in: "policy rule quiet_hours; token expired; task-list; bearer of news",
			want: "policy rule quiet_hours; token expired; task-list; bearer of news"},
		{name: "setting", in: "not required (HMS_SOVEREIGN_CONFIRM=never)",
			want: "not required (HMS_SOVEREIGN_CONFIRM=never)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, MaskSecrets(tc.in))
		})
	}
}
