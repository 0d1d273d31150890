# make test is the one command that runs every test; .ci/run calls it.
.PHONY: test check e2e-deps build

test: check e2e-deps
	VOICEDOCK_REQUIRE_TS_E2E=1 go test -race ./...

# Static checks: formatting, vet, and a tidy go.mod.
check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	go vet ./...
	go mod tidy -diff

# The official TypeScript MCP SDK, pinned by e2e/tsclient/package-lock.json.
e2e-deps:
	npm ci --prefix e2e/tsclient --no-audit --no-fund

# A static binary: no C resolver, nothing to install beside it.
build:
	CGO_ENABLED=0 go build -o voicedock-mcp ./cmd/voicedock-mcp
