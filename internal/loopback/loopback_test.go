package loopback

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST": true, "127.0.0.1": true, "127.8.9.1": true, "::1": true, "[::1]": true,
		"example.com": false, "localhost.": false, "127.0.0.1.nip.io": false, "0.0.0.0": false,
		"169.254.169.254": false, "": false, "evil.localhost": false,
	} {
		assert.Equal(t, want, Host(host), host)
	}
}
