namespace Vakka.Platform.Results;

public enum ResultKind { Ok, NotFound, Invalid, Conflict, Forbidden }

/// <summary>A field-level problem: the field name (as in the form) and a localisation key with optional arguments.</summary>
public sealed record FieldError(string Field, string Key, params object[] Args);

/// <summary>The outcome of a use case. Handlers return this; pages and endpoints map it once.</summary>
public class Result
{
    protected Result(ResultKind kind, IReadOnlyList<FieldError> errors)
    {
        Kind = kind;
        Errors = errors;
    }

    public ResultKind Kind { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool IsOk => Kind == ResultKind.Ok;

    public static Result Ok() => new(ResultKind.Ok, []);
    public static Result NotFound() => new(ResultKind.NotFound, []);
    public static Result Forbidden() => new(ResultKind.Forbidden, []);
    /// <summary>Someone else changed the record since it was read; the key explains it to the user.</summary>
    public static Result Conflict(string key = "Validation.ConcurrentEdit") => new(ResultKind.Conflict, [new FieldError("", key)]);
    public static Result Invalid(params FieldError[] errors) => new(ResultKind.Invalid, errors);
    public static Result Invalid(string field, string key, params object[] args) => new(ResultKind.Invalid, [new FieldError(field, key, args)]);

    public static Result<T> Ok<T>(T value) => new(value);
}

public sealed class Result<T> : Result
{
    private readonly T? value;

    internal Result(T value) : base(ResultKind.Ok, []) => this.value = value;
    private Result(Result failure) : base(failure.Kind, failure.Errors) { }

    public T Value => IsOk ? value! : throw new InvalidOperationException($"No value: the result is {Kind}.");

    public static implicit operator Result<T>(T value) => new(value);
    public static Result<T> From(Result failure) =>
        failure.IsOk ? throw new ArgumentException("Only a failure converts.", nameof(failure)) : new Result<T>(failure);
}

/// <summary>Collects field errors while a command is validated.</summary>
public sealed class Validation
{
    private readonly List<FieldError> errors = [];
    public bool IsValid => errors.Count == 0;
    public IReadOnlyList<FieldError> Errors => errors;

    public Validation Add(string field, string key, params object[] args)
    {
        errors.Add(new FieldError(field, key, args));
        return this;
    }

    public Result ToResult() => IsValid ? Result.Ok() : Result.Invalid([.. errors]);
}
