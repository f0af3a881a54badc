# syntax=docker/dockerfile:1
# Vakka container image: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
# Checked by review, not built on the project machine (Docker cannot run there); see docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src
# Build settings first (SDK version, central package versions, warnings as errors), then the sources.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# The NuGet cache mount keeps packages between builds without putting them in a layer.
RUN --mount=type=cache,id=vakka-nuget,target=/root/.nuget/packages \
    dotnet publish src/Vakka.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Production: the app also needs ConnectionStrings__Default and Security__PublicUrl (it refuses to start without them).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    Database__Provider=Postgres \
    Email__OutboxFolder=/app/data/outbox
COPY --from=build /app ./
# The only folder the app writes to (e-mail outbox in Outbox mode). A named volume mounted here inherits the owner.
RUN mkdir -p /app/data/outbox && chown -R "$APP_UID" /app/data
# $APP_UID is the non-root user that the official .NET images provide.
USER $APP_UID
EXPOSE 8080
# No HEALTHCHECK: the aspnet image has no curl. Probe /health/ready (and /health/live) from the orchestrator or balancer.
# Arguments after the image name go to the app: the commands `migrate`, `audit verify` and
# `admin create <user> <email> <name…>`, e.g. `docker compose run --rm app audit verify`.
ENTRYPOINT ["dotnet", "Vakka.Web.dll"]
