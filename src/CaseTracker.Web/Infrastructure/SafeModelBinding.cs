using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace CaseTracker.Web;

/// <summary>
/// Model binding that never lets a forged value reach a place where it turns into a 500 or a database error:
/// <list type="bullet">
/// <item>a yes/no field (a checkbox) posted with a value that is not true or false keeps a message for the field
/// and is redisplayed unticked — the checkbox tag helper cannot render an unreadable value and would throw;</item>
/// <item>text in a query string (search terms and filters) loses NUL characters, which PostgreSQL cannot store or
/// compare, instead of failing the page; posted text keeps them, so the validators reject them with a message.</item>
/// </list>
/// </summary>
public sealed class SafeModelBinderProvider : IModelBinderProvider
{
    public const string UnreadableMessage = "This value could not be read: check its format.";

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.ModelType;
        if (type == typeof(bool) || type == typeof(bool?))
        {
            return new BooleanBinder(type == typeof(bool?));
        }
        if (type == typeof(string))
        {
            return new QueryStringTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
        }
        return null;
    }

    private sealed class BooleanBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var first = value.FirstValue;
            if (string.IsNullOrWhiteSpace(first) && nullable)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else if (bool.TryParse(first?.Trim(), out var parsed))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
                bindingContext.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                // Redisplayed as "not ticked", with the message; never the unreadable value itself.
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult("false"));
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, UnreadableMessage);
                bindingContext.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }
    }

    private sealed class QueryStringTextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (HttpMethods.IsGet(bindingContext.HttpContext.Request.Method)
                && bindingContext.Result is { IsModelSet: true, Model: string text } && text.Contains('\0', StringComparison.Ordinal))
            {
                bindingContext.Result = ModelBindingResult.Success(text.Replace("\0", "", StringComparison.Ordinal));
            }
        }
    }
}
