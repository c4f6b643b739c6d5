# syntax=docker/dockerfile:1
# tuys in a container: docker build --build-arg VERSION=v1.2.3 -t tuys .
# The final image is FROM scratch: the static binary, CA certificates for Twilio, an empty /tmp for
# SQLite's temporary files and /data. packaging_test.go checks this file against `make build`.
ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN make build BIN=/out/tuys VERSION=${VERSION}
RUN mkdir -p -m 0700 /out/data && mkdir -p -m 1777 /out/tmp

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/tmp /tmp
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /out/tuys /tuys
# Not root: the uid of distroless "nonroot"; /data belongs to it, so a new named volume does too.
USER 65532:65532
ENV TUYS_DATA_DIR=/data TUYS_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
# /readyz is 503 while the index catches up (a restored or new node): give it time before "unhealthy".
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 CMD ["/tuys", "healthcheck"]
ENTRYPOINT ["/tuys"]
CMD ["serve"]
