# Schul-IT Lotse — build, run and check.
#   make run    install what is missing, build, open the sample "Musterstadt" (or FILE=...)
#   make test   gofmt, go vet, all tests, the real build and a smoke test under Xvfb
SHELL   := /bin/bash
GO      ?= go
VERSION ?= $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
TAGS    := migrated_fynedo
LDFLAGS := -X schulit-lotse/ui.Version=$(VERSION)
BIN     := build/lotse
SAMPLE  := build/Musterstadt.lotse
FILE    ?= $(SAMPLE)
FUZZTIME ?= 30s

.PHONY: all build run test bench fuzz deps clean fmt-check vet unit smoke screenshot

all: build

## build: the real binary (cgo, OpenGL/X11) in build/lotse
build:
	@mkdir -p build
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

## run: open FILE (default: a copy of the sample in build/, created once and then kept)
run: deps build
	@if [ "$(FILE)" = "$(SAMPLE)" ] && [ ! -e "$(SAMPLE)" ]; then ./$(BIN) new --sample "$(SAMPLE)"; fi
	./$(BIN) "$(FILE)"

## test: everything CI checks
test: deps fmt-check vet unit build smoke

fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*' -not -path './.git/*')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	$(GO) vet -tags ci ./...

unit:
	$(GO) test -tags ci ./...

smoke: build
	scripts/smoke.sh $(BIN)

## screenshot: the smoke test's screenshot becomes the README's
screenshot: smoke
	cp build/smoke/shot.png docs/screenshot.png

## bench: every benchmark, with allocations
bench:
	$(GO) test -tags ci -run XXX -bench . -benchmem ./...

## fuzz: every Fuzz target for FUZZTIME each
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

## deps: Go >= 1.26 and the apt packages (installed when run as root)
deps:
	@scripts/deps.sh

clean:
	rm -rf build
