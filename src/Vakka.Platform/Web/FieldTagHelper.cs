using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Html;

namespace Vakka.Platform.Web;

/// <summary>
/// One accessible form field: label, input, optional hint and the error message, tied together with
/// aria-describedby and aria-invalid so that screen readers announce the error with the field.
/// <c>&lt;vakka-field for="Input.Name" /&gt;</c>, with type="textarea|select|password|email|checkbox|date" and items for selects.
/// </summary>
[HtmlTargetElement("vakka-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = default!;
    public string? Type { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }
    /// <summary>Text of the empty first option of a select (already localised); none when null.</summary>
    public string? Placeholder { get; set; }
    /// <summary>A hint shown under the label (already localised).</summary>
    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public bool Autofocus { get; set; }
    public bool Readonly { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var hintId = $"{id}-hint";
        var errorId = $"{id}-error";
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.ValidationState == ModelValidationState.Invalid;
        var required = For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field-error" : "field");

        var attributes = new Dictionary<string, object>();
        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add(hintId);
        if (hasError) describedBy.Add(errorId);
        if (describedBy.Count > 0) attributes["aria-describedby"] = string.Join(' ', describedBy);
        if (hasError) attributes["aria-invalid"] = "true";
        if (required) attributes["required"] = "required";
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (Autofocus) attributes["autofocus"] = "autofocus";
        if (Readonly) attributes["readonly"] = "readonly";

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        if (required) label.InnerHtml.AppendHtml(" <span class=\"required\" aria-hidden=\"true\">*</span>");

        TagBuilder input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, rows: 5, columns: 40, htmlAttributes: attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: Placeholder, expression: name,
                selectList: Items ?? [], allowMultiple: false, htmlAttributes: attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, htmlAttributes: attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, htmlAttributes: attributes),
            // A date input takes and gives ISO dates (yyyy-MM-dd) whatever the page's language.
            "date" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: "{0:yyyy-MM-dd}",
                htmlAttributes: WithType(attributes, Type)),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null,
                htmlAttributes: WithType(attributes, Type)),
        };

        var content = new HtmlContentBuilder();
        if (Type == "checkbox")
        {
            content.AppendHtml("<div class=\"checkbox\">").AppendHtml(input);
            if (input.Attributes.ContainsKey("name"))
                content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
            content.AppendHtml(label).AppendHtml("</div>");
        }
        else content.AppendHtml(label);
        if (Hint is not null) content.AppendHtml($"<p class=\"hint\" id=\"{hintId}\">").Append(Hint).AppendHtml("</p>");
        if (hasError)
        {
            var message = string.Join(' ', entry!.Errors.Select(e => e.ErrorMessage));
            content.AppendHtml($"<p class=\"error-message\" id=\"{errorId}\">").Append(message).AppendHtml("</p>");
        }
        if (Type != "checkbox") content.AppendHtml(input);
        output.Content.SetHtmlContent(content);
    }

    private static Dictionary<string, object> WithType(Dictionary<string, object> attributes, string? type)
    {
        if (type is "email" or "date" or "number" or "tel" or "search" or "url") attributes["type"] = type;
        return attributes;
    }
}
