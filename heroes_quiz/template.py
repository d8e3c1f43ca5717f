"""The template written by `heroes-quiz bank new`."""

TEMPLATE = '''\
# My quiz: a question bank for heroes-quiz.
#
# Each [[question]] table is one question. Every question needs:
#   id          unique and never reused, e.g. "pets-001"
#   category    any word; players can pick it with --category
#   difficulty  easy | medium | hard   (easy 100 points, medium 200, hard 300)
#   kind        choice | true_false | text | number
#   prompt      the question, short and clear
#   answer      the right answer (text, true/false, or a number, by kind)
#   explanation one or two short sentences saying why
#   source      where the fact comes from
# Typed answers forgive small spelling mistakes, capitals, accents and a leading "the",
# but never a different number: "Spy Kids 3" is not "Spy Kids 2".
# Check it with:  heroes-quiz bank check THIS_FILE
# Play it with:   heroes-quiz play --bank THIS_FILE

[[question]]
id = "my-001"
category = "animals"
difficulty = "easy"
kind = "choice"                  # 3 to 5 different choices; the answer must be one of them
prompt = "Which animal purrs?"
answer = "Cat"
choices = ["Cat", "Dog", "Goldfish", "Parrot"]
explanation = "Cats purr when they are happy."
source = "Our family"

[[question]]
id = "my-002"
category = "animals"
difficulty = "easy"
kind = "true_false"              # the answer is true or false, without quotes
prompt = "Goldfish can fly."
answer = false
explanation = "Goldfish swim; they have fins, not wings."
source = "Our family"

[[question]]
id = "my-003"
category = "animals"
difficulty = "medium"
kind = "text"                    # typed answers: small typos, case and accents are forgiven
prompt = "What is a baby dog called?"
answer = "Puppy"
accept = ["Pup"]                 # other answers that also count as right
explanation = "A young dog is a puppy, or pup for short."
source = "Our family"

[[question]]
id = "my-004"
category = "animals"
difficulty = "hard"
kind = "number"                  # typed as digits or words: "8", "eight", "ocho"
prompt = "How many legs does a spider have?"
answer = 8
tolerance = 0                    # how far off still counts (twice as far earns half points)
unit = "legs"                    # optional: what the number counts, e.g. "million", "minutes";
                                 # a reply in another unit ("5 hours" for "minutes") is wrong
explanation = "Spiders have eight legs; insects have six."
source = "Our family"
'''
