# Faultline container image: the release distribution on a Temurin JRE, run as a non-root user.
#   docker build -t faultline-dev/faultline .
#   docker run --rm -v "$PWD:/src" faultline-dev/faultline lint .
# The first stage builds the distribution from this source tree, so `docker build` needs nothing else.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY . .
RUN ./mvnw -B -q -DskipTests -Dinvoker.skip package -pl distribution -am \
    && mkdir -p /opt/faultline \
    && tar xzf distribution/target/faultline-*.tar.gz -C /opt/faultline --strip-components=1

FROM eclipse-temurin:17-jre
COPY --from=build /opt/faultline /opt/faultline
# a fixed uid so that files written to the mounted /src (reports) belong to a predictable user;
# the class-data archive goes to a cache directory the user owns
RUN useradd --uid 10001 --create-home --shell /usr/sbin/nologin faultline \
    && ln -s /opt/faultline/bin/faultline /usr/local/bin/faultline
USER 10001
ENV XDG_CACHE_HOME=/home/faultline/.cache
WORKDIR /src
ENTRYPOINT ["faultline"]
CMD ["lint", "."]
