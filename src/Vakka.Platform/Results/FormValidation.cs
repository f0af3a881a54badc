using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Vakka.Platform.Results;

/// <summary>
/// Checks a form's data annotations outside MVC (the JSON API), producing the same localisation keys the pages
/// show: the attribute's ErrorMessage is the key, the display name key and the limit are its arguments.
/// </summary>
public static class FormValidation
{
    public static Validation Check(object form)
    {
        var v = new Validation();
        foreach (var property in form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(form);
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (rule.IsValid(value)) continue;
                object[] args = rule switch
                {
                    StringLengthAttribute s => [display, s.MaximumLength],
                    MaxLengthAttribute m => [display, m.Length],
                    _ => [display],
                };
                v.Add(property.Name, rule.ErrorMessage ?? "Validation.ValueInvalid", args);
                break;
            }
        }
        return v;
    }
}
