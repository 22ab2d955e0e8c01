namespace ActionAgent.Planning.Offline;

/// <summary>
/// The words forms commonly use for the standard personal and payment fields (the concepts of HTML's autocomplete
/// tokens: given-name, family-name, email, tel, cc-number, cc-exp, cc-csc, …). An input key that names one of these
/// concepts is also compared with these words, so <c>card.expiry</c> finds "Valid until" and <c>card_cvc</c> finds
/// "Security code" even where the embedding alone is unsure. Generic form vocabulary: no site's wording.
/// </summary>
internal static class FieldVocabulary
{
    private static readonly (string[] Keys, string Words)[] Concepts =
    [
        (["first", "given", "forename"], "given name first name"),
        (["last", "family", "surname"], "family name surname last name"),
        (["email", "mail"], "e-mail address email"),
        (["phone", "tel", "mobile"], "telephone phone number mobile"),
        (["expiry", "expiration", "exp", "valid"], "expiry date expiration valid until MM/YY"),
        (["cvc", "cvv", "csc", "cvv2", "security"], "security code CVC CVV card verification"),
        (["number", "pan"], "card number"),
        (["holder", "cardholder"], "cardholder name name on card"),
        (["zip", "postcode", "postal"], "postcode zip code postal code"),
        (["dob", "birth", "birthday"], "date of birth"),
    ];

    /// <summary>The common words for the concept a key's last part names, or null.</summary>
    public static string? WordsFor(string leaf)
    {
        var words = TextTokens.Words(leaf);
        foreach (var (keys, text) in Concepts)
        {
            if (keys.Any(words.Contains)) return text;
        }
        return null;
    }
}
