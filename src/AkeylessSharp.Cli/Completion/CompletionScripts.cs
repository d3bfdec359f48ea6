namespace AkeylessSharp.Cli.Completion;

/// <summary>
/// The shell scripts <c>completion SHELL</c> prints. Each hands the line up to the cursor to
/// <c>akeyless-sharp "[suggest:POSITION]" "LINE"</c> and offers what it prints, so the completions always match the
/// installed tool's commands and options.
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        "powershell" => PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "Unknown shell."),
    };

    private const string Bash = """
        # akeyless-sharp completion for bash. Load it with: source <(akeyless-sharp completion bash)
        _akeyless_sharp_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local word="${COMP_WORDS[COMP_CWORD]}"
            local candidate quoted
            # bash cuts words at COMP_WORDBREAKS (':' and '=' among them) and replaces only the last piece: glue the pieces
            # touching it back into the word as typed ("/app/db:pa"), and offer each name without what precedes that piece.
            local full="$word" rest="${line%"$word"}" i=$COMP_CWORD
            while (( i > 0 )) && [[ -n "$rest" && "$rest" != *[[:space:]] && "$rest" == *"${COMP_WORDS[i-1]}" ]]; do
                (( i-- ))
                full="${COMP_WORDS[i]}$full"
                rest="${rest%"${COMP_WORDS[i]}"}"
            done
            local cut="${full%"$word"}"
            COMPREPLY=()
            # Candidates include item names: matched as text, never expanded (compgen -W would run a $(...) in a name),
            # and inserted escaped by printf %q, so a space or a shell metacharacter in a name stays part of one word.
            while IFS= read -r candidate; do
                [[ -n "$candidate" ]] || continue
                printf -v quoted '%q' "$candidate"
                if [[ "$candidate" == "$full"* || "$quoted" == "$full"* ]]; then
                    COMPREPLY+=("${quoted#"$cut"}")
                elif [[ "$candidate" == "$word"* || "$quoted" == "$word"* ]]; then
                    COMPREPLY+=("$quoted")
                fi
            done < <(akeyless-sharp "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o default -F _akeyless_sharp_complete akeyless-sharp

        """;

    private const string Zsh = """
        #compdef akeyless-sharp
        # akeyless-sharp completion for zsh. Load it with: source <(akeyless-sharp completion zsh)  (after compinit)
        _akeyless_sharp() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a candidates
            candidates=(${(f)"$(akeyless-sharp "[suggest:${#line}]" "$line" 2>/dev/null)"})
            (( ${#candidates} )) && compadd -- "${candidates[@]}"
        }
        compdef _akeyless_sharp akeyless-sharp

        """;

    private const string Fish = """
        # akeyless-sharp completion for fish. Load it with: akeyless-sharp completion fish | source
        function __akeyless_sharp_complete
            set -l line (commandline -cp)
            akeyless-sharp "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c akeyless-sharp -f -a '(__akeyless_sharp_complete)'

        """;

    private const string PowerShell = """
        # akeyless-sharp completion for PowerShell. Load it with: akeyless-sharp completion powershell | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName 'akeyless-sharp' -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($line.Length -gt $position) { $line = $line.Substring(0, $position) } else { $line = $line.PadRight($position) }
            akeyless-sharp "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                # A name holding a space or PowerShell syntax is inserted single-quoted, its quotes (typographic ones too) doubled.
                $text = if ($_ -match '[\s''"`$;,(){}@#&|<>\u2018-\u201E]') { "'" + ($_ -replace '[''\u2018-\u201B]', '$0$0') + "'" } else { $_ }
                [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
            }
        }

        """;
}
